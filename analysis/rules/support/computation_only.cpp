#include "analysis/rules/support/computation_only.h"

#include "analysis/rules/support/name_list.h"       // fixed lists of names
#include "analysis/rules/support/name_rebinding.h"  // builtins bound to something else
#include "analysis/syntax/node_queries.h"           // tree walks
#include "analysis/syntax/parent_index.h"           // where a def stands

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

// How many calls deep module functions are followed; deeper counts as unknown.
constexpr int kCallDepth = 3;

constexpr std::string_view kComputingBuiltins[] = {
    "abs",     "all",  "any",        "bin",        "bool",  "bytearray", "bytes",     "chr",
    "complex", "dict", "divmod",     "enumerate",  "float", "format",    "frozenset", "hash",
    "hex",     "int",  "isinstance", "issubclass", "iter",  "len",       "list",      "max",
    "min",     "next", "oct",        "ord",        "pow",   "range",     "repr",      "reversed",
    "round",   "set",  "sorted",     "str",        "sum",   "tuple",     "zip",
};

// Methods of str, bytes, int and mappings that read: no other common object uses these names for
// I/O or waiting. (`get`, `put`, `join`, `read`, `update` and `wait` are left out on purpose.)
constexpr std::string_view kReadingMethods[] = {
    "bit_length", "center",     "count",      "decode",  "encode", "endswith",   "find",   "index",
    "isalnum",    "isalpha",    "isdigit",    "isspace", "items",  "keys",       "ljust",  "lower",
    "lstrip",     "partition",  "replace",    "rfind",   "rjust",  "rpartition", "rsplit", "rstrip",
    "split",      "splitlines", "startswith", "strip",   "title",  "upper",      "values", "zfill",
};

// Methods that change a list, dict, set or deque. Other objects use the same names for work
// that may wait (`session.add`, `db.insert`, `queue.pop`), so these count only on a variable the
// function itself set to a container.
constexpr std::string_view kContainerMethods[] = {
    "add",    "append",  "appendleft",   "clear",    "copy",       "difference", "discard",
    "extend", "insert",  "intersection", "issubset", "issuperset", "pop",        "popleft",
    "remove", "reverse", "setdefault",   "sort",     "union",
};

// Calls whose result is a plain container.
constexpr std::string_view kContainerConstructors[] = {
    "list",
    "dict",
    "set",
    "sorted",
    "collections.deque",
    "collections.Counter",
    "collections.defaultdict",
    "collections.OrderedDict",
};

constexpr std::string_view kComputingModules[] = {
    "math.", "cmath.", "operator.", "itertools.", "heapq.", "bisect.", "statistics.", "random.",
};

bool inComputingModule(std::string_view qualified) {
  for (std::string_view prefix : kComputingModules) {
    if (qualified.starts_with(prefix)) return true;
  }
  return false;
}

bool onlyComputesWithin(TSNode region, const SemanticModel& model, int32_t function, int depth);

// Whether `object` is a variable that `function` last set, before `use`, to a container display,
// comprehension or container constructor.
bool isLocalContainer(TSNode object, TSNode use, const SemanticModel& model, int32_t function) {
  if (nodeType(object) != "identifier") return false;
  const Binding* binding =
      model.bindingBefore(model.document().text(object), function, ts_node_start_byte(use));
  if (!binding) return false;
  switch (binding->shape) {
    case ValueShape::EmptyList:
    case ValueShape::EmptyDict:
    case ValueShape::ListDisplay:
    case ValueShape::ListComprehension:
    case ValueShape::DictDisplay:
    case ValueShape::SetDisplay: return true;
    case ValueShape::Call: return isOneOf(kContainerConstructors, binding->callee);
    default: return false;
  }
}

bool callOnlyComputes(TSNode call, const SemanticModel& model, int32_t function, int depth) {
  const Document& document = model.document();
  TSNode callee = childByField(call, "function");
  std::string_view calleeType = nodeType(callee);
  if (calleeType == "attribute") {
    std::string qualified = model.qualifiedName(callee, function);
    if (!qualified.empty()) return inComputingModule(qualified);
    std::string_view method = document.text(childByField(callee, "attribute"));
    if (isOneOf(kReadingMethods, method)) return true;
    return isOneOf(kContainerMethods, method) &&
           isLocalContainer(childByField(callee, "object"), call, model, function);
  }
  if (calleeType != "identifier") return false;
  std::string_view name = document.text(callee);
  Site site{call, function, kNoLoop, 0};
  if (const ImportBinding* import = model.resolveImport(name, function)) {
    return !rootShadowedLocally(callee, site, model) && inComputingModule(import->qualifiedName);
  }
  int32_t defined = moduleFunctionNamed(name, model);
  if (defined >= 0) {
    if (depth == 0 || rootShadowedLocally(callee, site, model)) return false;
    const FunctionInfo& info = model.functions()[static_cast<size_t>(defined)];
    return !info.isAsync &&
           onlyComputesWithin(childByField(info.node, "body"), model, defined, depth - 1);
  }
  return isOneOf(kComputingBuiltins, name) && !isRebound(name, site, model);
}

bool onlyComputesWithin(TSNode region, const SemanticModel& model, int32_t function, int depth) {
  bool computes = true;
  syntax::TreeCursor cursor(region);
  // A walk that skips nested scopes: their code does not run here.
  while (computes) {
    TSNode node = cursor.node();
    std::string_view type = nodeType(node);
    bool nestedScope =
        !ts_node_eq(node, region) && (type == "function_definition" || type == "lambda" ||
                                      type == "class_definition" || type == "decorated_definition");
    if (type == "await" || type == "yield" || type == "with_statement") {
      computes = false;
    } else if (type == "call") {
      computes = callOnlyComputes(node, model, function, depth);
    }
    if (computes && !nestedScope && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || ts_node_eq(cursor.node(), region)) return computes;
    }
  }
  return computes;
}

}  // namespace

bool onlyComputes(TSNode region, const SemanticModel& model, int32_t function) {
  return onlyComputesWithin(region, model, function, kCallDepth);
}

int32_t moduleFunctionNamed(std::string_view name, const SemanticModel& model) {
  int32_t found = -1;
  const auto& functions = model.functions();
  for (size_t i = 0; i < functions.size(); ++i) {
    const FunctionInfo& info = functions[i];
    if (info.parent != kModuleScope || info.name != name) continue;
    TSNode parent = syntax::parentOf(info.node);
    if (nodeType(parent) == "decorated_definition") return -1;  // a decorator may wrap it
    if (nodeType(parent) != "module") continue;                 // a method, or under an `if`
    if (found >= 0) return -1;
    found = static_cast<int32_t>(i);
  }
  return found;
}

bool containsLoopStatement(TSNode region) {
  bool found = false;
  syntax::TreeCursor cursor(region);
  while (!found) {
    TSNode node = cursor.node();
    std::string_view type = nodeType(node);
    found = type == "for_statement" || type == "while_statement";
    bool nestedScope =
        !ts_node_eq(node, region) &&
        (type == "function_definition" || type == "lambda" || type == "class_definition");
    if (!found && !nestedScope && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || ts_node_eq(cursor.node(), region)) return found;
    }
  }
  return found;
}

}  // namespace perfhint
