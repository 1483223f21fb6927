// The server's configuration: `perfhint` settings from initializationOptions,
// workspace/didChangeConfiguration and workspace/configuration.
#pragma once

#include "analysis/engine/finding.h"        // Severity
#include "analysis/rules/rule_selection.h"  // which rules

#include <nlohmann/json.hpp>  // settings arrive as JSON

#include <map>
#include <string>
#include <vector>

namespace perfhint::lsp {

struct ServerSettings {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::map<std::string, Severity, std::less<>> severity;  ///< per-rule override
  unsigned debounceMs = 50;
  bool unsafeFixes = false;
  RuleSelection selection;  ///< derived from select/ignore
};

/// Applies the keys present in a `perfhint` settings object onto `settings` (absent keys keep
/// their value). On any invalid value nothing changes and the reasons are returned, so the last
/// good configuration stays in force.
std::vector<std::string> updateSettings(ServerSettings& settings, const nlohmann::json& values);

}  // namespace perfhint::lsp
