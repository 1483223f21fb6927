// A rule's documentation as markdown: the one text behind hover, `perfhint rule` and
// docs/rules.md.
#pragma once

#include "analysis/rules/rule.h"

#include <string>
#include <string_view>

namespace perfhint {

std::string_view severityName(Severity severity);

/// A documentation text without the blank lines and spaces that raw string literals leave around
/// it.
std::string_view trimmedDocText(std::string_view text);

/// The rule's full documentation, starting with a level-2 heading.
std::string ruleMarkdown(const RuleInfo& rule);

/// A markdown table of every rule, linking each code to its section in `document` (empty: the
/// same page).
std::string rulesTableMarkdown(std::string_view document);

/// docs/rules.md: a table of every rule, then each rule's documentation.
std::string allRulesMarkdown();

}  // namespace perfhint
