// Small questions about syntax nodes that several rules ask.
#pragma once

#include "analysis/syntax/byte_range.h"   // regions
#include "analysis/syntax/tree_sitter.h"  // TSNode

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace perfhint {

/// Calls `visit(child)` for each named child.
template <typename Visit>
void forEachNamedChild(TSNode node, Visit&& visit) {
  for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; ++i) {
    visit(ts_node_named_child(node, i));
  }
}

/// Calls `visit(node)` for every node under `root`, `root` included, in text order.
template <typename Visit>
void forEachNode(TSNode root, Visit&& visit) {
  syntax::TreeCursor cursor(root);
  while (true) {
    visit(cursor.node());
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || ts_node_eq(cursor.node(), root)) return;
    }
  }
}

/// Whether the node is a constant whose hash and equality cannot be overridden: a number,
/// string or bytes without interpolation, True/False/None, or a tuple of those.
bool isHashableLiteral(TSNode node);

/// Whether the node is a string literal without f-string interpolation.
bool isPlainString(TSNode node);

/// The first child with the given grammar type, or a null node.
TSNode firstChildOfType(TSNode node, std::string_view type);

/// The named children of a node, comments left out: the parts of a statement or the statements
/// of a block as the grammar orders them.
std::vector<TSNode> namedChildrenWithoutComments(TSNode node);

/// Whether `root` or any node under it has one of the grammar types; false for a null node.
bool containsType(TSNode root, std::initializer_list<std::string_view> types);

/// Whether the node sits in a class body rather than a function or the module: a comprehension
/// there cannot see the class's names.
bool inClassBody(TSNode node);

/// Whether `node` lies under a def, lambda or generator expression below `scope`: code that may
/// run later, at another time than the statements around it.
bool inDeferredCode(TSNode node, TSNode scope);

/// Whether the node is a name or an attribute chain on a name (`x`, `a.b.c`): evaluating it
/// calls nothing, barring properties.
bool isNameOrAttributeChain(TSNode node);

/// Whether the node is a constant (see isHashableLiteral) or a list, tuple, set or dict display
/// of constants: evaluating it has no effect and cannot fail.
bool isConstantValue(TSNode node);

/// The name at the root of an attribute and subscript chain (`a` in `a.b[i].c`), or a null node
/// when the chain starts with something else (a call, a literal).
TSNode rootNameOf(TSNode expression);

/// The value of the keyword argument `name` in `arguments` (a call's argument list): `work` for
/// `target` in `Thread(target=work)`, the last one when the name repeats. A null node when there
/// is none.
TSNode keywordArgumentValue(TSNode arguments, std::string_view source, std::string_view name);

/// Whether `scope` (a `def`, not the module) binds `name` in its own body by anything other than
/// an import: a parameter, an assignment, a loop target, a nested `def` or `class`. Then a use of
/// `name` there does not refer to what the module imports under that name.
bool bindsNameOtherThanByImport(TSNode scope, std::string_view source, std::string_view name);

/// Whether an identifier binds its name where it stands: an assignment, `for`, `with ... as`,
/// `except ... as` or walrus target (also inside unpacking patterns), a parameter, an import
/// alias, the name of a `def` or `class`, or a name in `global`, `nonlocal` or `del`.
bool isBindingOccurrence(TSNode identifier);

/// The identifiers under `root` that name the variable `name` (attribute names and keyword
/// argument names are not variables), in text order. `source` is the text the tree was parsed
/// from. Nested `def` and `lambda` bodies are skipped unless `intoFunctions`.
std::vector<TSNode> variablesNamed(TSNode root, std::string_view source, std::string_view name,
                                   bool intoFunctions);

/// Whether an identifier only gives its name a new value: a binding occurrence (see
/// isBindingOccurrence) that neither reads the old value (`x += 1`), deletes it (`del x`) nor
/// moves the name to another scope (`global x`, `nonlocal x`).
bool isPlainRebinding(TSNode identifier);

/// The identifiers under `scope` (the module or a `def`) that may name `scope`'s own variable
/// `name`: those in the scope itself, and those in nested functions, lambdas and comprehensions
/// that do not bind `name` themselves. Errs on the side of including: names under `global` or
/// `nonlocal`, and class bodies, count as the scope's own.
std::vector<TSNode> referencesToVariable(TSNode scope, std::string_view source,
                                         std::string_view name);

/// Whether code in `scope` outside `region` may read the value `scope`'s variable `name` holds
/// there: a reference (see referencesToVariable) that is not a plain rebinding, and not in the
/// body of a `for` loop of the same function that sets `name` as its target before the body runs.
bool mayReadVariableOutside(TSNode scope, std::string_view source, std::string_view name,
                            ByteRange region);

/// Whether code under `region` may rebind the variable `name` or change the object it holds.
/// Only these uses count as leaving it alone: reading it in an operator or comparison, reading
/// an item (`name[i]`) or attribute, iterating over it, calling a method that reads
/// (`name.index(x)`, `name.get(k)`), and passing it to a builtin that only reads (`len(name)`,
/// `sorted(name)`) or to a container method that copies from it (`out.extend(name)`). Anything
/// else (a binding, a store into an item or attribute, any other method, passing it to another
/// function, storing it elsewhere where an alias could change it) counts as a change.
bool mayChangeVariableIn(TSNode region, std::string_view source, std::string_view name);

}  // namespace perfhint
