// Helpers shared by the rules that turn a loop which only fills a new container into a
// comprehension (PH101, PH109): matching the loop's parts and checking that the rewrite keeps
// its meaning.
#pragma once

#include "analysis/syntax/document.h"     // node text
#include "analysis/syntax/tree_sitter.h"  // TSNode

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint::comprehension_rewrite {

/// The statement before `statement` in its block, skipping comments; null when there is none.
TSNode previousStatement(TSNode statement);

/// Whether the variable `name` appears under `root` (nested functions included); false for a
/// null node.
bool mentions(TSNode root, std::string_view name, const Document& document);

/// Appends the names a `for` target binds to `names`; false when the target holds anything but
/// names and tuples or lists of names, which a comprehension fix does not handle.
bool collectTargetNames(TSNode target, const Document& document,
                        std::vector<std::string_view>& names);

/// Whether a call under `node` looks at the scope it runs in (`super()`, `locals()`,
/// `eval(...)`): inside a comprehension, which is a function of its own, it would see another
/// scope.
bool callsScopeIntrospection(TSNode node, const Document& document);

/// The node's text, parenthesised when it could not stand bare where a comprehension takes an
/// iterable or a condition.
std::string inComprehensionClause(TSNode node, const Document& document);

/// Whether a walrus would be a syntax error in the comprehension: one in `iterable`, or one in
/// `clauses` (element, key, condition; null nodes are skipped) that rebinds a loop variable.
bool hasForbiddenWalrus(TSNode iterable, std::initializer_list<TSNode> clauses,
                        const std::vector<std::string_view>& targets, const Document& document);

/// Whether code could see the container `name` that `loop` fills before the loop completes:
/// a nested function, lambda or generator uses it, it is declared `global` or `nonlocal`, or the
/// loop sits in a `try` or `with` body that a use lies outside of (after an exception the loop
/// leaves it partly filled, a comprehension unbound). `scope` is the enclosing function or the
/// module.
bool containerMayBeSeenBeforeComplete(TSNode loop, std::string_view name, TSNode scope,
                                      const Document& document);

}  // namespace perfhint::comprehension_rewrite
