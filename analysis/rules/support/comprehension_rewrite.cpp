#include "analysis/rules/support/comprehension_rewrite.h"

#include "analysis/syntax/node_queries.h"  // variable references
#include "analysis/syntax/parent_index.h"  // parentOf

#include <algorithm>  // find

namespace perfhint::comprehension_rewrite {

using syntax::childByField;
using syntax::nodeType;

namespace {

// Appends the names that walrus expressions under `node` bind.
void collectWalrusNames(TSNode node, const Document& document,
                        std::vector<std::string_view>& names) {
  if (ts_node_is_null(node)) return;
  if (nodeType(node) == "named_expression") {
    names.push_back(document.text(childByField(node, "name")));
  }
  forEachNamedChild(node, [&](TSNode child) { collectWalrusNames(child, document, names); });
}

}  // namespace

TSNode previousStatement(TSNode statement) {
  TSNode previous = ts_node_prev_named_sibling(statement);
  while (!ts_node_is_null(previous) && nodeType(previous) == "comment") {
    previous = ts_node_prev_named_sibling(previous);
  }
  return previous;
}

bool mentions(TSNode root, std::string_view name, const Document& document) {
  return !ts_node_is_null(root) && !variablesNamed(root, document.text(), name, true).empty();
}

bool collectTargetNames(TSNode target, const Document& document,
                        std::vector<std::string_view>& names) {
  std::string_view type = nodeType(target);
  if (type == "identifier") {
    names.push_back(document.text(target));
    return true;
  }
  if (type != "pattern_list" && type != "tuple_pattern" && type != "list_pattern") return false;
  bool plain = true;
  forEachNamedChild(target, [&](TSNode part) {
    plain = plain && nodeType(part) != "comment" && collectTargetNames(part, document, names);
  });
  return plain;
}

bool callsScopeIntrospection(TSNode node, const Document& document) {
  if (ts_node_is_null(node)) return false;
  if (nodeType(node) == "call") {
    TSNode callee = childByField(node, "function");
    std::string_view name = nodeType(callee) == "identifier" ? document.text(callee) : "";
    if (name == "super" || name == "locals" || name == "vars" || name == "dir" || name == "eval" ||
        name == "exec" || name == "breakpoint") {
      return true;
    }
  }
  bool found = false;
  forEachNamedChild(
      node, [&](TSNode child) { found = found || callsScopeIntrospection(child, document); });
  return found;
}

std::string inComprehensionClause(TSNode node, const Document& document) {
  std::string_view type = nodeType(node);
  std::string_view text = document.text(node);
  if (type == "conditional_expression" || type == "lambda" || type == "expression_list" ||
      type == "named_expression") {
    std::string wrapped = "(";
    wrapped += text;
    wrapped += ')';
    return wrapped;
  }
  return std::string(text);
}

bool hasForbiddenWalrus(TSNode iterable, std::initializer_list<TSNode> clauses,
                        const std::vector<std::string_view>& targets, const Document& document) {
  if (containsType(iterable, {"named_expression"})) return true;
  std::vector<std::string_view> bound;
  for (TSNode clause : clauses) collectWalrusNames(clause, document, bound);
  for (std::string_view name : bound) {
    if (std::find(targets.begin(), targets.end(), name) != targets.end()) return true;
  }
  return false;
}

bool containerMayBeSeenBeforeComplete(TSNode loop, std::string_view name, TSNode scope,
                                      const Document& document) {
  std::vector<TSNode> uses = referencesToVariable(scope, document.text(), name);
  for (TSNode use : uses) {
    std::string_view owner = nodeType(syntax::parentOf(use));
    if (owner == "global_statement" || owner == "nonlocal_statement" ||
        inDeferredCode(use, scope)) {
      return true;
    }
  }
  ByteRange loopRange = rangeOf(loop);
  for (TSNode at = syntax::parentOf(loop); !ts_node_is_null(at) && !ts_node_eq(at, scope);
       at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type != "try_statement" && type != "with_statement") continue;
    ByteRange guarded = rangeOf(childByField(at, "body"));
    if (!guarded.contains(loopRange)) continue;
    for (TSNode use : uses) {
      if (!guarded.contains(rangeOf(use))) return true;
    }
  }
  return false;
}

}  // namespace perfhint::comprehension_rewrite
