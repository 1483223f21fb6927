#include "analysis/rules/registry.h"

#include <algorithm>  // find_if
#include <array>

namespace perfhint {

#define PERFHINT_RULE(factory) const Rule& factory();
#include "analysis/rules/rule_list.h"
#undef PERFHINT_RULE

namespace {

const auto& ruleTable() {
  static const std::array kRules = {
#define PERFHINT_RULE(factory) &factory(),
#include "analysis/rules/rule_list.h"
#undef PERFHINT_RULE
  };
  return kRules;
}

}  // namespace

std::span<const Rule* const> allRules() {
  const auto& rules = ruleTable();
  return {rules.data(), rules.size()};
}

const Rule* findRule(std::string_view code) {
  auto rules = allRules();
  auto found = std::find_if(rules.begin(), rules.end(),
                            [&](const Rule* rule) { return rule->info().code == code; });
  return found == rules.end() ? nullptr : *found;
}

}  // namespace perfhint
