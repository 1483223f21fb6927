// The configuration in force for a file: defaults, then the layers of the nearest configuration
// file (the bases it extends first), then the editor's settings, then the command line, each
// overriding the one before (resolve()). Also what a front end asks of it: which rules run on a
// file, whether a file is excluded, and a stable text form for `--show-settings`.
#pragma once

#include "analysis/engine/analysis_options.h"  // for the analyzer
#include "analysis/rules/rule_selection.h"     // which rules run
#include "config/config_file.h"                // LoadedConfig
#include "config/config_layer.h"               // input

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace perfhint::config {

struct ResolvedConfig {
  std::vector<std::string> enabled;  ///< codes of the rules that run, in registry order
  std::vector<PerFileIgnore> perFileIgnores;
  std::vector<PathPattern> exclude;  ///< `exclude` and every `extend-exclude`
  std::map<std::string, Severity, std::less<>> severity;
  PythonVersion targetVersion = kNewestPythonVersion;
  bool unsafeFixes = false;
  bool respectGitignore = true;
  std::vector<std::string> files;  ///< configuration files read, nearest first
};

/// Folds `layers`, lowest precedence first, over the defaults (every rule, no exclusions, the
/// newest Python, safe fixes only, .gitignore respected). Rule selection goes layer by layer:
/// `select` replaces what is enabled, `extend-select` adds, `ignore` removes. Patterns must have
/// been validated (unknown codes are skipped here).
ResolvedConfig resolve(std::span<const ConfigLayer> layers);

/// What one file is analysed and fixed with.
struct FileSettings {
  RuleSelection selection;
  AnalysisOptions analysis;
  bool unsafeFixes = false;
};

/// The settings for `file` (absolute) under `config`.
FileSettings fileSettings(const ResolvedConfig& config, const std::filesystem::path& file);

/// A configuration file's layers (none when `file` is null), then `overrides` (lowest first:
/// editor settings, then the command line), with the files read recorded in `files`.
ResolvedConfig resolve(const LoadedConfig* file, std::span<const ConfigLayer> overrides);

/// The rules that run on `file` (absolute): the enabled ones minus its `per-file-ignores`.
RuleSelection selectionFor(const ResolvedConfig& config, const std::filesystem::path& file);

/// Whether `file` (absolute), found by walking a directory, is left out by `exclude`.
bool isExcluded(const ResolvedConfig& config, const std::filesystem::path& file);

/// The analyzer's options: target version and severity overrides.
AnalysisOptions analysisOptions(const ResolvedConfig& config);

/// One `key = value` line per setting, in TOML syntax and a fixed order, as `perfhint check
/// --show-settings` prints them for `file`.
std::string formatSettings(const ResolvedConfig& config, const std::filesystem::path& file);

}  // namespace perfhint::config
