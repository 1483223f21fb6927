// Which `async def` of this file a call runs, for the rules about coroutines (PH402, PH405):
// a name that resolves to an `async def` in scope, or `self.name` for an `async def` method of
// the enclosing class.
#pragma once

#include "analysis/semantic/semantic_model.h"  // scopes, functions

namespace perfhint {

/// The `async def` that `call` calls, or nullptr: a plain name whose binding in the nearest
/// scope that binds it (the call's function, the functions around it, the module) is only
/// `async def` statements, or `self.name(...)` / `cls.name(...)` in a method whose class defines
/// `name` only by `async def`. Decorated functions (a decorator may return anything) and async
/// generators (calling one returns an iterator, not a coroutine) do not count.
const FunctionInfo* calledCoroutineFunction(TSNode call, const Site& site,
                                            const SemanticModel& model);

}  // namespace perfhint
