// PH110 unnecessary-list-call: a `list(...)` copy that nothing needs.
//
// Flagged (at the `list(...)` call, which must have one positional argument) in three places:
//   for x in list(it):     `it` a plain name the loop leaves alone      fix: for x in it:
//   sorted(list(x))        `sorted` copies its argument anyway          fix: sorted(x)
//   list(x)[0]             the whole copy for its first item            fix: next(iter(x))
// The `for` form is not flagged when the loop may change `it` (see mayChangeVariableIn): that
// copy is what keeps iterating over a dict or set safe while the loop changes it. Nor, unless
// `it` is a list, dict or set made in the function, when the loop calls functions that might
// change it or stores into any item or attribute: `it` may be a view or generator over what the
// loop changes (`for k in list(keys): del table[k]`). `sorted(list(x))` is not flagged in
// module-level code outside loops, which runs once; `list(x)[0]` only in loops (elsewhere it mostly
// reads a collection just checked to hold one item), and not under an `if` that tests `len(x)`.
// Nothing is flagged when `list` is bound to something else.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variable uses

#include <optional>
#include <string>
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH110",
    .name = "unnecessary-list-call",
    .summary =
        "A `list(...)` copy that nothing needs: iterated once by a loop that leaves the "
        "original alone, passed to `sorted`, or made only to read its first item.",
    .severity = Severity::Hint,
    .fix = FixAvailability::Always,
    .whySlow = R"(
`list(x)` visits every item of `x` and stores it in a new list before anything else happens.
A `for` loop can walk `x` itself, `sorted(x)` makes its own new list anyway, and the first item
needs only `next(iter(x))`, which stops after one item whatever the size of `x`.
Measured on CPython 3.11 with 1000 items: `for v in list(data): pass` takes 26 µs against 19 µs
for `for v in data: pass`, `sorted(list(data))` 16.6 µs against 13.7 µs for already sorted
integers, and `list(d)[0]` on a dict 15.7 µs against 0.17 µs for `next(iter(d))`.
)",
    .useInstead = R"(
Drop the copy: `for v in data:`, `sorted(data)`; for the first item, `next(iter(data))`.
Keep `list(d)` in a loop that adds to or removes from `d`: a dict or set changed while it is
iterated raises `RuntimeError`.
)",
    .example = {.before = R"(
def summary(scores):
    names = {name: score for name, score in scores}
    width = 0
    for name in list(names):
        width = max(width, len(name))
    return width, sorted(list(names))


print(summary([("b", 2), ("a", 1)]))
)",
                .after = R"(
def summary(scores):
    names = {name: score for name, score in scores}
    width = 0
    for name in names:
        width = max(width, len(name))
    return width, sorted(names)


print(summary([("b", 2), ("a", 1)]))
)"},
    .fixSafety = R"(
`sorted(list(x))` to `sorted(x)` is safe. `for v in list(it)` to `for v in it` is safe when `it`
is bound in the same function to a list, dict or set (a display, comprehension or call of a
builtin that makes one) and the loop only calls builtins and string methods and stores into no
item or attribute; otherwise it is unsafe: a function called in the loop could change `it`
through another name, and a parameter may be a generator, which would then run step by step,
interleaved with the loop's body, instead of all at once before it. `list(x)[0]` to
`next(iter(x))` is unsafe: on an empty `x` the first raises `IndexError`, the second
`StopIteration`. No fix when a comment lies inside the replaced text.
)",
    .measure = {.setup = "scores = [(str(i), i) for i in range(n)]", .call = "summary(scores)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// The single positional argument of the call, the call's generator expression argument
// (`list(x for x in y)`), or null.
TSNode soleArgument(TSNode call) {
  TSNode arguments = childByField(call, "arguments");
  if (nodeType(arguments) == "generator_expression") return arguments;
  std::vector<TSNode> values;
  forEachNamedChild(arguments, [&](TSNode value) {
    if (nodeType(value) != "comment") values.push_back(value);
  });
  if (values.size() != 1) return TSNode{};
  std::string_view type = nodeType(values[0]);
  if (type == "keyword_argument" || type == "list_splat" || type == "dictionary_splat") {
    return TSNode{};
  }
  return values[0];
}

bool isCallOf(TSNode node, std::string_view name, const Document& document) {
  if (nodeType(node) != "call") return false;
  TSNode callee = childByField(node, "function");
  return nodeType(callee) == "identifier" && document.text(callee) == name;
}

// Whether a builtin name is bound to something else in the file.
bool isShadowed(std::string_view name, const SemanticModel& model) {
  for (const Binding& binding : model.bindings()) {
    if (binding.name == name) return true;
  }
  for (const ImportBinding& import : model.imports()) {
    if (import.localName == name) return true;
  }
  for (const FunctionInfo& function : model.functions()) {
    if (function.name == name) return true;
  }
  return false;
}

// Calls that cannot change a list, dict or set held in another variable: builtins that only
// read, and methods that strings have or that fill a container.
bool isHarmlessCall(TSNode call, const Document& document) {
  static constexpr std::string_view kBuiltins[] = {
      "len",   "print", "str", "repr",      "int",      "float",      "bool",   "abs",
      "round", "min",   "max", "sum",       "sorted",   "isinstance", "tuple",  "enumerate",
      "zip",   "range", "any", "all",       "reversed", "hash",       "format", "ord",
      "chr",   "list",  "set", "frozenset", "dict"};
  static constexpr std::string_view kMethods[] = {
      "lower",  "upper", "strip",   "lstrip", "rstrip", "split",  "startswith", "endswith",
      "format", "join",  "replace", "get",    "keys",   "values", "items",      "append",
      "add",    "index", "count",   "find",   "encode", "decode"};
  TSNode callee = childByField(call, "function");
  std::string_view type = nodeType(callee);
  if (type == "identifier") {
    for (std::string_view builtin : kBuiltins) {
      if (document.text(callee) == builtin) return true;
    }
    return false;
  }
  if (type != "attribute") return false;
  std::string_view method = document.text(childByField(callee, "attribute"));
  for (std::string_view known : kMethods) {
    if (method == known) return true;
  }
  return false;
}

bool callsOnlyHarmless(TSNode node, const Document& document) {
  if (nodeType(node) == "call" && !isHarmlessCall(node, document)) return false;
  bool harmless = true;
  forEachNamedChild(
      node, [&](TSNode child) { harmless = harmless && callsOnlyHarmless(child, document); });
  return harmless;
}

// Whether the node stores into or deletes an item or attribute of some object.
bool storesIntoObjects(TSNode node) {
  std::string_view type = nodeType(node);
  TSNode target{};
  if (type == "assignment" || type == "augmented_assignment") target = childByField(node, "left");
  if (type == "delete_statement") target = node;
  if (!ts_node_is_null(target)) {
    std::vector<TSNode> pending{target};
    while (!pending.empty()) {
      TSNode part = pending.back();
      pending.pop_back();
      if (nodeType(part) == "subscript" || nodeType(part) == "attribute") return true;
      if (nodeType(part) == "identifier") continue;
      forEachNamedChild(part, [&](TSNode child) { pending.push_back(child); });
    }
  }
  bool stores = false;
  forEachNamedChild(node, [&](TSNode child) { stores = stores || storesIntoObjects(child); });
  return stores;
}

// Whether the value bound to the name is a container made here, not an iterator that the loop
// would consume step by step.
bool isFreshContainer(const Binding& binding) {
  switch (binding.shape) {
    case ValueShape::EmptyList:
    case ValueShape::EmptyDict:
    case ValueShape::ListDisplay:
    case ValueShape::ListComprehension:
    case ValueShape::DictDisplay:
    case ValueShape::SetDisplay: return true;
    case ValueShape::Call:
      return binding.callee == "list" || binding.callee == "dict" || binding.callee == "set" ||
             binding.callee == "sorted" || binding.callee == "tuple";
    case ValueShape::Other: {
      std::string_view type = nodeType(binding.value);
      return type == "dictionary_comprehension" || type == "set_comprehension" || type == "tuple";
    }
    default: return false;
  }
}

// Whether code between the binding and the loop may have given the container another name (or
// changed it): `alias = items`, `register(items)`. The loop could then change it through that name.
bool sharedBeforeLoop(const Binding& binding, TSNode loop, const Document& document) {
  std::string_view name = binding.name;
  for (TSNode statement = ts_node_next_named_sibling(binding.statement);
       !ts_node_is_null(statement); statement = ts_node_next_named_sibling(statement)) {
    // The loop's own body is already known to leave the container alone.
    if (mayChangeVariableIn(statement, document.text(), name)) return true;
    if (rangeOf(statement).contains(rangeOf(loop))) return false;
  }
  return true;  // the loop is not after the binding in the same block
}

// For `for x in list(it):`, how safe dropping the copy is; nothing when the copy may be needed.
std::optional<FixSafety> forLoopCopy(const Site& site, TSNode loop, TSNode iterable,
                                     const SemanticModel& model) {
  const Document& document = model.document();
  if (nodeType(ts_node_child(loop, 0)) == "async" || nodeType(iterable) != "identifier") {
    return std::nullopt;
  }
  std::string_view name = document.text(iterable);
  TSNode target = childByField(loop, "left");
  TSNode body = childByField(loop, "body");
  if (!variablesNamed(target, document.text(), name, true).empty() ||
      mayChangeVariableIn(body, document.text(), name)) {
    return std::nullopt;
  }
  const Binding* binding = model.bindingBefore(name, site.function, ts_node_start_byte(loop));
  bool fresh = site.function != kModuleScope && binding &&
               !rangeOf(loop).contains(rangeOf(binding->statement)) && isFreshContainer(*binding);
  bool quiet = callsOnlyHarmless(body, document) && !storesIntoObjects(body);
  // An iterable of unknown kind may be a view or generator over what the body changes:
  // `for k in list(keys): del table[k]`.
  if (!fresh && !quiet) return std::nullopt;
  return fresh && quiet && !sharedBeforeLoop(*binding, loop, document) ? FixSafety::Safe
                                                                       : FixSafety::Unsafe;
}

// Whether an `if` around the node tests the length of the collection whose root name `root` is
// (`if len(d) == 1: k = list(d)[0]`): the collection is known to be tiny.
bool underLengthTest(TSNode node, std::string_view root, const Document& document) {
  std::string needle = "len(" + std::string(root);
  for (TSNode at = syntax::parentOf(node); !ts_node_is_null(at); at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "function_definition") return false;
    if ((type == "if_statement" || type == "elif_clause" || type == "while_statement") &&
        document.text(childByField(at, "condition")).find(needle) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// The name at the root of `d`, `d.keys()`, `self.items`: `d`, `self`; empty otherwise.
std::string_view rootNameOf(TSNode node, const Document& document) {
  while (true) {
    std::string_view type = nodeType(node);
    if (type == "identifier") return document.text(node);
    if (type == "attribute") {
      node = childByField(node, "object");
    } else if (type == "call") {
      node = childByField(node, "function");
    } else {
      return {};
    }
  }
}

class UnnecessaryListCall final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    const Document& document = model.document();
    TSNode call = site.node;
    if (!isCallOf(call, "list", document)) return;
    TSNode argument = soleArgument(call);
    if (ts_node_is_null(argument) || isShadowed("list", model)) return;
    ByteRange range = rangeOf(call);
    TSNode parent = syntax::parentOf(call);
    std::string_view parentType = nodeType(parent);
    bool repeated = site.function != kModuleScope || site.loopDepth > 0;

    std::string message;
    std::string replacement;
    ByteRange replaced = range;
    std::optional<FixSafety> safety;
    if (parentType == "for_statement" && ts_node_eq(childByField(parent, "right"), call)) {
      safety = forLoopCopy(site, parent, argument, model);
      if (!safety) return;
      message = "The loop does not change `" + std::string(document.text(argument)) +
                "`; iterate over it without copying it into a list";
      replacement = document.text(argument);
    } else if (parentType == "argument_list" && repeated &&
               isCallOf(syntax::parentOf(parent), "sorted", document) &&
               ts_node_eq(ts_node_named_child(parent, 0), call) && !isShadowed("sorted", model)) {
      message = "`sorted` makes a new list itself; pass it the iterable without `list(...)`";
      replacement = document.text(argument);
      safety = FixSafety::Safe;
    } else if (parentType == "subscript" && site.loopDepth > 0 &&
               ts_node_eq(childByField(parent, "value"), call)) {
      TSNode index = childByField(parent, "subscript");
      TSNode owner = syntax::parentOf(parent);
      std::string_view ownerType = nodeType(owner);
      if (nodeType(index) != "integer" || document.text(index) != "0" ||
          ts_node_named_child_count(parent) != 2 || ownerType == "delete_statement" ||
          ((ownerType == "assignment" || ownerType == "augmented_assignment") &&
           ts_node_eq(childByField(owner, "left"), parent)) ||
          isShadowed("next", model) || isShadowed("iter", model) ||
          (!rootNameOf(argument, document).empty() &&
           underLengthTest(call, rootNameOf(argument, document), document))) {
        return;
      }
      message = "`list(...)[0]` copies every item to read the first; use `next(iter(...))`";
      replaced = rangeOf(parent);
      replacement = "next(iter";
      std::string_view inner = document.text(childByField(call, "arguments"));
      replacement += inner;
      replacement += ")";
      safety = FixSafety::Unsafe;
    } else {
      return;
    }

    std::optional<Fix> fix;
    if (!model.hasCommentIn(replaced)) {
      fix = Fix{"Remove the list copy", *safety, {{replaced, std::move(replacement)}}};
      if (parentType == "subscript") fix->title = "Use next(iter(...))";
    }
    sink.report(kInfo, site, range, std::move(message), std::move(fix));
  }
};

}  // namespace

const Rule& ph110UnnecessaryListCall() {
  static const UnnecessaryListCall rule;
  return rule;
}

}  // namespace perfhint
