#include "analysis/syntax/node_queries.h"

#include "analysis/syntax/identifier_index.h"  // answering variablesNamed without a walk
#include "analysis/syntax/parent_index.h"      // parents without a search from the root

#include <utility>  // pair

namespace perfhint {

using syntax::nodeType;

bool isPlainString(TSNode node) {
  std::string_view type = nodeType(node);
  if (type == "concatenated_string") {
    bool plain = true;
    forEachNamedChild(node, [&](TSNode part) { plain = plain && isPlainString(part); });
    return plain;
  }
  if (type != "string") return false;
  bool plain = true;
  forEachNamedChild(node, [&](TSNode part) { plain = plain && nodeType(part) != "interpolation"; });
  return plain;
}

bool isHashableLiteral(TSNode node) {
  std::string_view type = nodeType(node);
  if (type == "integer" || type == "float" || type == "true" || type == "false" || type == "none") {
    return true;
  }
  if (type == "string" || type == "concatenated_string") return isPlainString(node);
  if (type == "unary_operator") {
    TSNode operand = syntax::childByField(node, "argument");
    return nodeType(operand) == "integer" || nodeType(operand) == "float";
  }
  if (type == "parenthesized_expression") return isHashableLiteral(ts_node_named_child(node, 0));
  if (type == "tuple") {
    bool literal = true;
    forEachNamedChild(node, [&](TSNode item) { literal = literal && isHashableLiteral(item); });
    return literal;
  }
  return false;
}

TSNode firstChildOfType(TSNode node, std::string_view type) {
  for (uint32_t i = 0, n = ts_node_child_count(node); i < n; ++i) {
    TSNode child = ts_node_child(node, i);
    if (nodeType(child) == type) return child;
  }
  return TSNode{};
}

std::vector<TSNode> namedChildrenWithoutComments(TSNode node) {
  std::vector<TSNode> children;
  forEachNamedChild(node, [&](TSNode child) {
    if (nodeType(child) != "comment") children.push_back(child);
  });
  return children;
}

bool containsType(TSNode root, std::initializer_list<std::string_view> types) {
  if (ts_node_is_null(root)) return false;
  for (std::string_view type : types) {
    if (nodeType(root) == type) return true;
  }
  bool found = false;
  forEachNamedChild(root, [&](TSNode child) { found = found || containsType(child, types); });
  return found;
}

bool inClassBody(TSNode node) {
  for (TSNode at = syntax::parentOf(node); !ts_node_is_null(at); at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "function_definition") return false;
    if (type == "class_definition") return true;
  }
  return false;
}

bool inDeferredCode(TSNode node, TSNode scope) {
  for (TSNode at = syntax::parentOf(node); !ts_node_is_null(at) && !ts_node_eq(at, scope);
       at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "function_definition" || type == "lambda" || type == "generator_expression") {
      return true;
    }
  }
  return false;
}

bool isNameOrAttributeChain(TSNode node) {
  while (nodeType(node) == "attribute") node = syntax::childByField(node, "object");
  return nodeType(node) == "identifier";
}

bool isConstantValue(TSNode node) {
  if (isHashableLiteral(node)) return true;
  std::string_view type = nodeType(node);
  bool constant = true;
  if (type == "list" || type == "tuple") {
    forEachNamedChild(node, [&](TSNode item) { constant = constant && isConstantValue(item); });
  } else if (type == "set") {
    forEachNamedChild(node, [&](TSNode item) { constant = constant && isHashableLiteral(item); });
  } else if (type == "dictionary") {
    // Dict keys must be hashable too.
    forEachNamedChild(node, [&](TSNode pair) {
      constant = constant && nodeType(pair) == "pair" &&
                 isHashableLiteral(syntax::childByField(pair, "key")) &&
                 isConstantValue(syntax::childByField(pair, "value"));
    });
  } else {
    constant = false;
  }
  return constant;
}

TSNode keywordArgumentValue(TSNode arguments, std::string_view source, std::string_view name) {
  TSNode found{};
  forEachNamedChild(arguments, [&](TSNode argument) {
    if (nodeType(argument) != "keyword_argument") return;
    TSNode key = syntax::childByField(argument, "name");
    uint32_t start = ts_node_start_byte(key);
    if (!ts_node_is_null(key) && source.substr(start, ts_node_end_byte(key) - start) == name) {
      found = syntax::childByField(argument, "value");
    }
  });
  return found;
}

TSNode rootNameOf(TSNode expression) {
  while (true) {
    std::string_view type = nodeType(expression);
    if (type == "identifier") return expression;
    if (type == "attribute") {
      expression = syntax::childByField(expression, "object");
    } else if (type == "subscript") {
      expression = syntax::childByField(expression, "value");
    } else {
      return TSNode{};
    }
  }
}

namespace {

bool isField(TSNode parent, std::string_view field, TSNode child) {
  return ts_node_eq(syntax::childByField(parent, field), child);
}

// Containers an assignment or loop target can destructure through: `a, (b, *c) = ...`.
bool isUnpackingPattern(std::string_view type) {
  return type == "pattern_list" || type == "tuple_pattern" || type == "list_pattern" ||
         type == "list_splat_pattern" || type == "dictionary_splat_pattern" || type == "tuple" ||
         type == "list" || type == "parenthesized_expression" || type == "expression_list";
}

}  // namespace

bool isBindingOccurrence(TSNode identifier) {
  TSNode child = identifier;
  TSNode parent = syntax::parentOf(child);
  while (!ts_node_is_null(parent) && isUnpackingPattern(nodeType(parent))) {
    child = parent;
    parent = syntax::parentOf(parent);
  }
  if (ts_node_is_null(parent)) return false;
  std::string_view type = nodeType(parent);
  if (type == "assignment" || type == "augmented_assignment" || type == "for_statement" ||
      type == "for_in_clause") {
    return isField(parent, "left", child);
  }
  if (type == "named_expression") return isField(parent, "name", child);
  if (type == "default_parameter" || type == "typed_default_parameter" ||
      type == "function_definition" || type == "class_definition") {
    return isField(parent, "name", child);
  }
  if (type == "aliased_import") return isField(parent, "alias", child);
  if (type == "as_pattern_target" || type == "global_statement" || type == "nonlocal_statement" ||
      type == "delete_statement" || type == "parameters" || type == "lambda_parameters" ||
      type == "typed_parameter") {
    return true;
  }
  if (type == "dotted_name") {
    // `import a.b` binds `a`; `from m import a` binds `a`; a capture in a `case` pattern binds.
    TSNode statement = syntax::parentOf(parent);
    std::string_view statementType = nodeType(statement);
    if (statementType == "import_statement") {
      return ts_node_eq(ts_node_named_child(parent, 0), child);
    }
    if (statementType == "import_from_statement") {
      return !isField(statement, "module_name", parent);
    }
    return statementType == "case_pattern";
  }
  return false;
}

std::vector<TSNode> variablesNamed(TSNode root, std::string_view source, std::string_view name,
                                   bool intoFunctions) {
  const syntax::IdentifierIndex* index = syntax::IdentifierIndex::current();
  if (index && !name.empty() && index->covers(root, source)) {
    return index->variablesNamed(root, name, intoFunctions);
  }
  std::vector<TSNode> found;
  auto isVariableNamed = [&](TSNode node) {
    if (nodeType(node) != "identifier") return false;
    uint32_t start = ts_node_start_byte(node);
    if (source.substr(start, ts_node_end_byte(node) - start) != name) return false;
    TSNode parent = syntax::parentOf(node);
    std::string_view parentType = nodeType(parent);
    if (parentType == "attribute") return !isField(parent, "attribute", node);
    if (parentType == "keyword_argument") return !isField(parent, "name", node);
    return true;
  };
  syntax::TreeCursor cursor(root);
  bool atRoot = true;
  while (true) {
    TSNode node = cursor.node();
    bool descend = true;
    std::string_view type = nodeType(node);
    if (!intoFunctions && !atRoot && (type == "function_definition" || type == "lambda")) {
      // Another scope: only the name of a `def` binds in this one.
      TSNode defName = syntax::childByField(node, "name");
      if (!ts_node_is_null(defName) && isVariableNamed(defName)) found.push_back(defName);
      descend = false;
    } else if (isVariableNamed(node)) {
      found.push_back(node);
    }
    atRoot = false;
    if (descend && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return found;
    }
  }
}

namespace {

// The statement or expression an identifier's binding belongs to, looking through unpacking
// patterns: the `assignment` for `a, b = ...`, the `for_in_clause` for `[... for a, b in ...]`.
TSNode bindingOwner(TSNode identifier) {
  TSNode owner = syntax::parentOf(identifier);
  while (!ts_node_is_null(owner) && isUnpackingPattern(nodeType(owner))) {
    owner = syntax::parentOf(owner);
  }
  return owner;
}

bool containsNode(TSNode outer, TSNode inner) {
  return !ts_node_is_null(outer) && ts_node_start_byte(outer) <= ts_node_start_byte(inner) &&
         ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

bool isComprehension(std::string_view type) {
  return type == "list_comprehension" || type == "set_comprehension" ||
         type == "dictionary_comprehension" || type == "generator_expression";
}

bool opensScope(std::string_view type) {
  return type == "function_definition" || type == "lambda" || isComprehension(type);
}

// Whether `node`, somewhere under `opener` (a def, lambda or comprehension), runs in the scope
// that `opener` opens. Defaults, annotations and a comprehension's first iterable run outside.
bool runsInScopeOf(TSNode opener, TSNode node) {
  if (isComprehension(nodeType(opener))) {
    TSNode first = firstChildOfType(opener, "for_in_clause");
    return !containsNode(syntax::childByField(first, "right"), node);
  }
  if (containsNode(syntax::childByField(opener, "body"), node)) return true;
  return containsNode(syntax::childByField(opener, "parameters"), node) &&
         isBindingOccurrence(node);
}

// The innermost def, lambda or comprehension whose scope `node` runs in, searching up to
// `limit` (the module or a def). Null when `node` runs outside `limit`.
TSNode owningScope(TSNode node, TSNode limit) {
  for (TSNode at = syntax::parentOf(node); !ts_node_is_null(at); at = syntax::parentOf(at)) {
    bool isLimit = ts_node_eq(at, limit);
    if (opensScope(nodeType(at)) && runsInScopeOf(at, node)) return at;
    if (isLimit) return opensScope(nodeType(at)) ? TSNode{} : at;
  }
  return TSNode{};
}

// Whether the scope `opener` opens has a variable `name` of its own. A walrus inside a
// comprehension binds in the scope around it; `global` and `nonlocal` defer to another scope.
bool bindsOwnVariable(TSNode opener, std::string_view source, std::string_view name) {
  bool comprehension = isComprehension(nodeType(opener));
  bool binds = false;
  for (TSNode node : variablesNamed(opener, source, name, true)) {
    if (!ts_node_eq(owningScope(node, opener), opener) || !isBindingOccurrence(node)) continue;
    std::string_view owner = nodeType(bindingOwner(node));
    if (owner == "global_statement" || owner == "nonlocal_statement") return false;
    if (!comprehension || owner == "for_in_clause") binds = true;
  }
  return binds;
}

}  // namespace

bool isPlainRebinding(TSNode identifier) {
  if (!isBindingOccurrence(identifier)) return false;
  std::string_view owner = nodeType(bindingOwner(identifier));
  return owner != "augmented_assignment" && owner != "delete_statement" &&
         owner != "global_statement" && owner != "nonlocal_statement";
}

std::vector<TSNode> referencesToVariable(TSNode scope, std::string_view source,
                                         std::string_view name) {
  std::vector<TSNode> references;
  // Scopes met on the way, with whether each binds `name` itself.
  std::vector<std::pair<TSNode, bool>> nested;
  auto bindsItself = [&](TSNode opener) {
    for (auto& [known, binds] : nested) {
      if (ts_node_eq(known, opener)) return binds;
    }
    bool binds = bindsOwnVariable(opener, source, name);
    nested.emplace_back(opener, binds);
    return binds;
  };
  for (TSNode node : variablesNamed(scope, source, name, true)) {
    TSNode owner = owningScope(node, scope);
    while (!ts_node_is_null(owner) && !ts_node_eq(owner, scope) && !bindsItself(owner)) {
      owner = owningScope(owner, scope);
    }
    if (!ts_node_is_null(owner) && ts_node_eq(owner, scope)) references.push_back(node);
  }
  return references;
}

bool mayReadVariableOutside(TSNode scope, std::string_view source, std::string_view name,
                            ByteRange region) {
  // Whether a `for` loop around `use`, within the same function, binds `name` before its body.
  auto rebindsFirst = [&](TSNode use) {
    for (TSNode at = syntax::parentOf(use); !ts_node_is_null(at) && !ts_node_eq(at, scope);
         at = syntax::parentOf(at)) {
      std::string_view type = nodeType(at);
      if (type == "function_definition" || type == "lambda") return false;
      if (type == "for_statement" && containsNode(syntax::childByField(at, "body"), use) &&
          !variablesNamed(syntax::childByField(at, "left"), source, name, false).empty()) {
        return true;
      }
    }
    return false;
  };
  for (TSNode use : referencesToVariable(scope, source, name)) {
    ByteRange at{ts_node_start_byte(use), ts_node_end_byte(use)};
    if (region.contains(at) || isPlainRebinding(use) || rebindsFirst(use)) continue;
    return true;
  }
  return false;
}

bool bindsNameOtherThanByImport(TSNode scope, std::string_view source, std::string_view name) {
  for (TSNode occurrence : variablesNamed(scope, source, name, false)) {
    if (!isBindingOccurrence(occurrence)) continue;
    // An import's alias sits under the import statement; every other binding does not.
    bool byImport = false;
    for (TSNode at = syntax::parentOf(occurrence); !ts_node_is_null(at);
         at = syntax::parentOf(at)) {
      std::string_view type = nodeType(at);
      byImport = type == "import_statement" || type == "import_from_statement";
      if (byImport || type == "function_definition" || type == "block") break;
    }
    if (!byImport) return true;
  }
  return false;
}

namespace {

// Methods that only read the object they are called on.
bool isReadingMethod(std::string_view method) {
  static constexpr std::string_view kReading[] = {
      "index",      "count",      "copy",     "get",          "keys",       "values",
      "items",      "startswith", "endswith", "find",         "rfind",      "issubset",
      "issuperset", "isdisjoint", "union",    "intersection", "difference", "symmetric_difference"};
  for (std::string_view reading : kReading) {
    if (method == reading) return true;
  }
  return false;
}

// Builtins that only read their arguments (and keep no reference to them that could change
// them later), and container methods that copy from theirs.
bool onlyReadsArguments(TSNode callee, std::string_view source) {
  static constexpr std::string_view kBuiltins[] = {
      "len",        "sorted",    "min",       "max",      "sum",  "any",  "all",   "list",
      "tuple",      "set",       "frozenset", "dict",     "str",  "repr", "print", "bool",
      "isinstance", "enumerate", "zip",       "reversed", "iter", "hash", "id",    "type"};
  static constexpr std::string_view kCopyingMethods[] = {
      "extend",           "update",   "join",       "union",      "intersection",
      "difference",       "issubset", "issuperset", "isdisjoint", "intersection_update",
      "difference_update"};
  auto textOf = [&](TSNode node) {
    uint32_t start = ts_node_start_byte(node);
    return source.substr(start, ts_node_end_byte(node) - start);
  };
  std::string_view type = nodeType(callee);
  if (type == "identifier") {
    for (std::string_view builtin : kBuiltins) {
      if (textOf(callee) == builtin) return true;
    }
  } else if (type == "attribute") {
    std::string_view method = textOf(syntax::childByField(callee, "attribute"));
    for (std::string_view copying : kCopyingMethods) {
      if (method == copying) return true;
    }
  }
  return false;
}

// Whether `node` is, or is unpacked into, the target of an assignment, augmented assignment,
// `for` or `del`.
bool isStoreTarget(TSNode node) {
  TSNode child = node;
  TSNode parent = syntax::parentOf(child);
  while (!ts_node_is_null(parent) && isUnpackingPattern(nodeType(parent))) {
    child = parent;
    parent = syntax::parentOf(parent);
  }
  std::string_view type = nodeType(parent);
  if (type == "assignment" || type == "augmented_assignment" || type == "for_statement" ||
      type == "for_in_clause") {
    return isField(parent, "left", child);
  }
  return type == "delete_statement";
}

// Whether one occurrence of a variable leaves the variable and its object as they are.
bool onlyReads(TSNode use, std::string_view source) {
  if (isBindingOccurrence(use)) return false;
  TSNode node = use;
  TSNode parent = syntax::parentOf(node);
  while (nodeType(parent) == "parenthesized_expression") {
    node = parent;
    parent = syntax::parentOf(parent);
  }
  std::string_view type = nodeType(parent);
  if (type == "comparison_operator" || type == "binary_operator" || type == "boolean_operator" ||
      type == "not_operator" || type == "unary_operator" || type == "if_statement" ||
      type == "while_statement" || type == "elif_clause" || type == "conditional_expression") {
    return true;
  }
  if (type == "subscript") {
    // `name[i]` read; `other[name]` only uses it as a key.
    return !isField(parent, "value", node) || !isStoreTarget(parent);
  }
  if (type == "attribute") {
    if (isStoreTarget(parent)) return false;
    TSNode call = syntax::parentOf(parent);
    if (nodeType(call) == "call" && isField(call, "function", parent)) {
      uint32_t start = ts_node_start_byte(syntax::childByField(parent, "attribute"));
      uint32_t end = ts_node_end_byte(syntax::childByField(parent, "attribute"));
      return isReadingMethod(source.substr(start, end - start));
    }
    return true;
  }
  if (type == "for_statement" || type == "for_in_clause") return isField(parent, "right", node);
  if (type == "argument_list") {
    TSNode call = syntax::parentOf(parent);
    return nodeType(call) == "call" &&
           onlyReadsArguments(syntax::childByField(call, "function"), source);
  }
  return false;
}

}  // namespace

bool mayChangeVariableIn(TSNode region, std::string_view source, std::string_view name) {
  for (TSNode use : variablesNamed(region, source, name, true)) {
    if (!onlyReads(use, source)) return true;
  }
  return false;
}

}  // namespace perfhint
