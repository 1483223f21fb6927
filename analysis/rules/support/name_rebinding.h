// Whether a name still means the builtin or the imported module where a rule looks at it.
#pragma once

#include "analysis/semantic/semantic_model.h"  // Site, scopes

#include <string_view>

namespace perfhint {

/// Whether the module, or a function around the site, gives `name` a value of its own, so it
/// may not be the builtin (a rewrite to `list(xs)` or `any(...)` would then call something
/// else).
bool isRebound(std::string_view name, const Site& site, const SemanticModel& model);

/// Whether the root name of `callee` is bound in the call's own function by something other than
/// an import (a parameter, an assignment, a nested `def`): then it is not the imported module or
/// function, whatever the module imports.
bool rootShadowedLocally(TSNode callee, const Site& site, const SemanticModel& model);

}  // namespace perfhint
