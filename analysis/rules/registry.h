// The explicit list of every rule (rules/rule_list.h), in code order.
#pragma once

#include "analysis/rules/rule.h"

#include <span>
#include <string_view>

namespace perfhint {

/// Every rule, sorted by code.
std::span<const Rule* const> allRules();

/// The rule with this code ("PH201"), or nullptr.
const Rule* findRule(std::string_view code);

}  // namespace perfhint
