// Whether code only computes: the question PH403 and PH407 ask before they say that threads or
// an event loop gain nothing, because the work holds the interpreter lock all along.
#pragma once

#include "analysis/semantic/semantic_model.h"  // imports, functions

namespace perfhint {

/// Whether running `region` can do nothing but compute: every call under it (nested `def`,
/// `lambda` and `class` bodies left out) is a builtin that computes (`len`, `range`, `sum`, ...),
/// a function of `math`, `operator`, `itertools`, `heapq`, `bisect`, `statistics` or `random`, a
/// string or mapping method that only reads (`split`, `items`, ...), a container method that
/// changes (`append`, `pop`, ...) called on a variable the function set to a container, or a
/// function defined at the top of this module whose own body only computes (followed a few calls
/// deep). Anything else counts as maybe waiting: an unknown call, `print`, `open`, `with`,
/// `await`, `yield`. `function` is the scope `region` runs in.
bool onlyComputes(TSNode region, const SemanticModel& model, int32_t function);

/// The index of the function defined at the top of the module (not in a class or function) under
/// `name`, when exactly one such `def` binds it; -1 otherwise.
int32_t moduleFunctionNamed(std::string_view name, const SemanticModel& model);

/// Whether `region` holds a `for` or `while` statement outside nested functions and classes.
bool containsLoopStatement(TSNode region);

}  // namespace perfhint
