// What a loop iterates over: whether an expression in it uses the item of the current pass (then
// each pass does its own piece of work on its own data, rather than repeating one call or
// continuing from the previous pass), and whether it turns only a handful of times.
#pragma once

#include "analysis/semantic/semantic_model.h"  // loops

namespace perfhint {

/// Whether `expression` names a variable that `loop` (a `for` statement or a comprehension)
/// binds as its target on each pass. Always false for a `while` loop.
bool usesLoopItem(TSNode expression, const LoopInfo& loop, const Document& document);

/// Whether `loop` (a `for` statement or a comprehension) runs over a list, tuple or set written
/// out in the code, or over `range(N)` with a literal N below 100: a handful of passes, too few
/// for a cost per pass to matter. False for `while` loops.
bool runsFewTimes(TSNode loop, const Document& document);

}  // namespace perfhint
