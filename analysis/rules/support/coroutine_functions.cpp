#include "analysis/rules/support/coroutine_functions.h"

#include "analysis/syntax/node_queries.h"  // bindings, class bodies

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

// Whether calling the function returns a coroutine that runs its body: `async def`, without a
// decorator that could wrap it in something else, and without `yield` (an async generator).
bool isPlainCoroutineFunction(const FunctionInfo& function) {
  if (!function.isAsync) return false;
  if (nodeType(syntax::parentOf(function.node)) == "decorated_definition") return false;
  return !containsType(childByField(function.node, "body"), {"yield"});
}

// The function whose definition is `node`, or nullptr.
const FunctionInfo* functionAt(TSNode node, const SemanticModel& model) {
  for (const FunctionInfo& function : model.functions()) {
    if (ts_node_eq(function.node, node)) return &function;
  }
  return nullptr;
}

// What `name` is bound to in `scope` (a def, or the module when null): nullptr with `bound`
// false when the scope does not bind it; the `async def` when every binding is a plain
// coroutine function's `def` (the last one wins); nullptr with `bound` true otherwise.
const FunctionInfo* coroutineBoundIn(TSNode scope, std::string_view name,
                                     const SemanticModel& model, bool& bound) {
  const Document& document = model.document();
  TSNode root = ts_node_is_null(scope) ? document.root() : scope;
  TSNode ownName = ts_node_is_null(scope) ? TSNode{} : childByField(scope, "name");
  const FunctionInfo* found = nullptr;
  bound = false;
  for (TSNode use : variablesNamed(root, document.text(), name, false)) {
    if (!isBindingOccurrence(use) || ts_node_eq(use, ownName)) continue;
    // Names bound in a class body are the class's attributes, not the scope's variables.
    TSNode parent = syntax::parentOf(use);
    bool isDefinitionName =
        nodeType(parent) == "function_definition" || nodeType(parent) == "class_definition";
    if (inClassBody(isDefinitionName ? parent : use)) continue;
    bound = true;
    const FunctionInfo* function =
        nodeType(parent) == "function_definition" ? functionAt(parent, model) : nullptr;
    if (!function || !isPlainCoroutineFunction(*function)) return nullptr;
    found = function;
  }
  return found;
}

// `self.name(...)` in a method: the class's own `async def name`.
const FunctionInfo* coroutineMethod(TSNode callee, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  TSNode object = childByField(callee, "object");
  if (nodeType(object) != "identifier" || site.function == kModuleScope) return nullptr;
  // The method around the call: the innermost function defined directly in a class body.
  int32_t method = site.function;
  while (method != kModuleScope &&
         !inClassBody(model.functions()[static_cast<size_t>(method)].node)) {
    method = model.functions()[static_cast<size_t>(method)].parent;
  }
  if (method == kModuleScope) return nullptr;
  TSNode methodNode = model.functions()[static_cast<size_t>(method)].node;
  TSNode parameters = childByField(methodNode, "parameters");
  if (ts_node_named_child_count(parameters) == 0 ||
      document.text(ts_node_named_child(parameters, 0)) != document.text(object)) {
    return nullptr;
  }
  TSNode classBody = syntax::parentOf(methodNode);
  if (nodeType(classBody) == "decorated_definition") classBody = syntax::parentOf(classBody);
  if (nodeType(classBody) != "block") return nullptr;
  std::string_view name = document.text(childByField(callee, "attribute"));
  const FunctionInfo* found = nullptr;
  for (TSNode statement : namedChildrenWithoutComments(classBody)) {
    TSNode definition = statement;
    if (nodeType(definition) == "decorated_definition") {
      definition = childByField(definition, "definition");
    }
    if (nodeType(definition) == "function_definition") {
      if (document.text(childByField(definition, "name")) != name) continue;
      const FunctionInfo* function = functionAt(definition, model);
      if (!function || !isPlainCoroutineFunction(*function)) return nullptr;
      found = function;
    } else {
      // A class attribute that may rebind the name: do not guess.
      for (TSNode use : variablesNamed(statement, document.text(), name, false)) {
        if (isBindingOccurrence(use)) return nullptr;
      }
    }
  }
  return found;
}

}  // namespace

const FunctionInfo* calledCoroutineFunction(TSNode call, const Site& site,
                                            const SemanticModel& model) {
  TSNode callee = childByField(call, "function");
  std::string_view type = nodeType(callee);
  if (type == "attribute") return coroutineMethod(callee, site, model);
  if (type != "identifier") return nullptr;
  std::string_view name = model.document().text(callee);
  for (int32_t function = site.function;;
       function = model.functions()[static_cast<size_t>(function)].parent) {
    TSNode scope =
        function == kModuleScope ? TSNode{} : model.functions()[static_cast<size_t>(function)].node;
    bool bound = false;
    const FunctionInfo* found = coroutineBoundIn(scope, name, model, bound);
    if (bound) return found;
    if (function == kModuleScope) return nullptr;
  }
}

}  // namespace perfhint
