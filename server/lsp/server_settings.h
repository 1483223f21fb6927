// The server's configuration: `perfhint` settings from initializationOptions,
// workspace/didChangeConfiguration and workspace/configuration.
#pragma once

#include "analysis/engine/finding.h"        // Severity
#include "analysis/rules/rule_selection.h"  // which rules
#include "config/config_layer.h"            // the editor's layer of configuration

#include <filesystem>

#include <nlohmann/json.hpp>  // settings arrive as JSON

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace perfhint::lsp {

struct ServerSettings {
  std::vector<std::string> select;
  std::vector<std::string> extendSelect;
  std::vector<std::string> ignore;
  std::map<std::string, Severity, std::less<>> severity;  ///< per-rule override
  unsigned debounceMs = 50;
  std::optional<bool> unsafeFixes;  ///< unset: the configuration file's (or no unsafe fixes)
  /// Unset (also by an explicit null): the configuration file's.
  std::optional<PythonVersion> targetVersion;
  /// Globs replacing the configuration file's `exclude`, relative to the workspace folder.
  /// Unset (also by an explicit null): the configuration file's.
  std::optional<std::vector<std::string>> exclude;
  /// The profile to guide hints with: a path or glob relative to the workspace root (empty: none).
  std::string profile;
  /// Share of the run (percent) from which a function's findings are raised one severity level.
  double hotThreshold = 5;
  RuleSelection selection;  ///< derived from select/ignore
};

/// The editor's settings as the configuration layer above configuration files (and below the
/// command line, which the server has none of): only the keys the editor set. `exclude` globs
/// are relative to `folderRoot` (absolute), the workspace folder the settings came for.
config::ConfigLayer editorLayer(const ServerSettings& settings,
                                const std::filesystem::path& folderRoot);

/// Applies the keys present in a `perfhint` settings object onto `settings` (absent keys keep
/// their value; null keeps it too, except for targetVersion and exclude, which it unsets). On any
/// invalid value nothing changes and the reasons are returned, so the last good configuration stays
/// in force.
std::vector<std::string> updateSettings(ServerSettings& settings, const nlohmann::json& values);

}  // namespace perfhint::lsp
