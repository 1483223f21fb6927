// Which rules run: `--select`/`--ignore` codes or prefixes resolved against the registry.
#pragma once

#include "analysis/rules/rule.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint {

class RuleSelection {
 public:
  /// Every rule that is on by default (RuleInfo::enabledByDefault).
  RuleSelection();

  /// Starts from `select` (the rules on by default when empty), then removes `ignore`. A pattern
  /// is "ALL", a full code or a code prefix ("PH2"); one that names no rule sets `error` and
  /// gives nullopt.
  static std::optional<RuleSelection> fromPatterns(const std::vector<std::string>& select,
                                                   const std::vector<std::string>& ignore,
                                                   std::string& error);

  bool isEnabled(const Rule& rule) const;
  bool isEnabled(std::string_view code) const;

 private:
  std::vector<bool> enabled_;  // by position in allRules()
};

}  // namespace perfhint
