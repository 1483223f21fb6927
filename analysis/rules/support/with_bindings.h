// What a `with` statement bound a name to, for rules that judge a method call by the object it
// is made on (`f.read()` after `with open(path) as f`, `session.get(url)` after
// `async with aiohttp.ClientSession() as session`).
#pragma once

#include "analysis/semantic/semantic_model.h"  // with statements by function

#include <string_view>

namespace perfhint {

/// The call that a `with call as name:` (or `async with`) around `at`, in `function`, binds to
/// `name`; the innermost such statement wins. A null node when no `with` around `at` binds
/// `name`, or binds it to something other than a call.
TSNode callBoundByWith(std::string_view name, TSNode at, int32_t function,
                       const SemanticModel& model);

}  // namespace perfhint
