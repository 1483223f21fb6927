// One source of settings (a configuration file, the editor, the command line), holding only the
// keys that source sets. Resolution (resolved_config.h) folds layers from lowest to highest.
#pragma once

#include "analysis/engine/finding.h"           // Severity
#include "analysis/semantic/python_version.h"  // target-version

#include <filesystem>
#include <functional>  // less<>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace perfhint::config {

/// A glob and the directory it is relative to (the directory of the file that declared it, or
/// the working directory for the command line).
struct PathPattern {
  std::string glob;
  std::filesystem::path base;  ///< absolute, normalised
};

/// `per-file-ignores`: rule codes or prefixes switched off for files matching a pattern.
struct PerFileIgnore {
  PathPattern pattern;
  std::vector<std::string> codes;
};

struct ConfigLayer {
  std::optional<std::vector<std::string>> select;         ///< replaces the rules enabled below
  std::vector<std::string> extendSelect;                  ///< added to the rules enabled so far
  std::vector<std::string> ignore;                        ///< removed from the rules enabled so far
  std::vector<PerFileIgnore> perFileIgnores;              ///< added to those of lower layers
  std::optional<std::vector<PathPattern>> exclude;        ///< replaces the excludes of lower layers
  std::vector<PathPattern> extendExclude;                 ///< added to the excludes so far
  std::map<std::string, Severity, std::less<>> severity;  ///< merged, this layer's win
  std::optional<PythonVersion> targetVersion;
  std::optional<bool> unsafeFixes;
  std::optional<bool> respectGitignore;
};

/// A problem in a configuration file, located well enough for the user to fix it.
struct ConfigError {
  std::string file;
  uint32_t line = 0;  ///< one-based; 0 when the problem has no line (a missing file)
  std::string key;    ///< the offending key, empty when the file as a whole is at fault
  std::string message;

  /// "FILE:LINE: KEY: MESSAGE" (parts that are absent are left out).
  std::string describe() const;
};

}  // namespace perfhint::config
