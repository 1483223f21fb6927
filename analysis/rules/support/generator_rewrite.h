// Helpers shared by the rules that replace a materialized list with a lazy generator (PH302,
// PH707): a generator runs its parts later and may stop early, so they check that nobody can
// tell.
#pragma once

#include "analysis/syntax/document.h"     // node text
#include "analysis/syntax/tree_sitter.h"  // TSNode

namespace perfhint::generator_rewrite {

/// Whether evaluating `node` cannot call user code that has visible effects beyond reading:
/// names, constants, attribute reads, comparisons, boolean logic and arithmetic. True for a null
/// node.
bool isPlainExpression(TSNode node);

/// Whether iterating `iterable` to the end or stopping early cannot be told apart afterwards:
/// a fresh container or view (a display, `range(...)`, `.items()`/`.keys()`/`.values()`) that
/// nothing else holds an iterator of.
bool isRestartableIterable(TSNode iterable, const Document& document);

}  // namespace perfhint::generator_rewrite
