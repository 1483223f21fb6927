#include "analysis/rules/rule_selection.h"

#include "analysis/rules/registry.h"  // the rules to choose from

#include <algorithm>  // transform
#include <cctype>     // toupper

namespace perfhint {
namespace {

bool matches(std::string_view pattern, std::string_view code) {
  return pattern == "ALL" || code.substr(0, pattern.size()) == pattern;
}

// Marks the rules a pattern names; false when it names none.
bool apply(std::string pattern, std::vector<bool>& enabled, bool value) {
  std::transform(pattern.begin(), pattern.end(), pattern.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  bool any = false;
  auto rules = allRules();
  for (size_t i = 0; i < rules.size(); ++i) {
    if (!pattern.empty() && matches(pattern, rules[i]->info().code)) {
      enabled[i] = value;
      any = true;
    }
  }
  return any;
}

}  // namespace

RuleSelection::RuleSelection() {
  for (const Rule* rule : allRules()) enabled_.push_back(rule->info().enabledByDefault);
}

std::optional<RuleSelection> RuleSelection::fromPatterns(const std::vector<std::string>& select,
                                                         const std::vector<std::string>& ignore,
                                                         std::string& error) {
  RuleSelection selection;
  if (!select.empty()) selection.enabled_.assign(allRules().size(), false);
  for (const std::string& pattern : select) {
    if (!apply(pattern, selection.enabled_, true)) {
      error = "unknown rule code or prefix in select: '" + pattern + "'";
      return std::nullopt;
    }
  }
  for (const std::string& pattern : ignore) {
    if (!apply(pattern, selection.enabled_, false)) {
      error = "unknown rule code or prefix in ignore: '" + pattern + "'";
      return std::nullopt;
    }
  }
  return selection;
}

bool RuleSelection::isEnabled(const Rule& rule) const {
  return isEnabled(rule.info().code);
}

bool RuleSelection::isEnabled(std::string_view code) const {
  auto rules = allRules();
  for (size_t i = 0; i < rules.size(); ++i) {
    if (rules[i]->info().code == code) return enabled_[i];
  }
  return false;
}

}  // namespace perfhint
