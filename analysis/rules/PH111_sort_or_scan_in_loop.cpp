// PH111 sort-or-scan-in-loop: a sort or a full scan of a collection that the loop does not
// change, done again on every pass.
//
// Flagged (at the call or the rebuilt operand), when it runs on every pass of a loop:
//   sorted(xs), min(xs), max(xs)   one positional argument (key=, default=, reverse= allowed),
//                                  the whole call unchanged by the loop
//   xs.index(v), xs.count(v)       `xs` a name bound before the loop to a list (a display of at
//                                  least eight items, a comprehension, list(...) or sorted(...))
//   v in [... for ... in xs]       a list rebuilt on every pass: a comprehension or a call of
//   v in list(xs) / sorted(xs)     list/tuple/set/sorted/frozenset over unchanged values
// "Unchanged" means: every variable the expression reads, other than those its own lambdas and
// comprehensions bind, is neither bound in the loop nor used there in a way that could change it
// (see mayChangeVariableIn); a variable that is not the function's own is unchanged only if the
// loop calls no function that could reach it; and outside its lambdas the expression calls only
// builtins that read (and `.keys()`, `.values()` and the like).
// `v in xs` with `xs` bound to a list is PH106's; `v in [constants]` is PH701's.
// No fix: the value has to be moved before the loop under a new name.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variable uses

#include <initializer_list>  // names
#include <optional>
#include <string>
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH111",
    .name = "sort-or-scan-in-loop",
    .summary =
        "`sorted`, `min`, `max`, `.index`, `.count` or a rebuilt list for `in`, over a "
        "collection the loop does not change, computed again on every pass.",
    .severity = Severity::Info,
    .fix = FixAvailability::None,
    .whySlow = R"(
Each of these walks the whole collection (`sorted` also sorts it), so a loop of `n` passes over a
collection of `m` items does `n × m` work where `n + m` would do: the result is the same on every
pass.
Measured on CPython 3.11 with 1000 items: `sorted(data)` of random floats takes 98 µs, `max(data)`
35 µs, `data.index(v)` up to 28 µs and `data.count(v)` 20 µs per call, against 0.07 µs to look up
a position kept in a dict.
)",
    .useInstead = R"(
Compute the value once before the loop and use the variable inside it: `ordered = sorted(data)`,
`top = max(data)`. For `.index(v)` with a different `v` each pass, build
`position = {v: i for i, v in reversed(list(enumerate(data)))}` once (first occurrence wins); for
`.count(v)`, `counts = collections.Counter(data)`; for `v in [...]`, build the collection once,
as a set when its items are hashable.
)",
    .example = {.before = R"(
def best(scores):
    return [name for name, score in scores.items() if score == max(scores.values())]

print(best({"a": 3, "b": 5, "c": 5}))
)",
                .after = R"(
def best(scores):
    top = max(scores.values())
    return [name for name, score in scores.items() if score == top]

print(best({"a": 3, "b": 5, "c": 5}))
)"},
    .fixSafety = R"(
No fix: the value has to be moved before the loop under a new name, which changes when it is
computed (an exception would be raised before the loop rather than in it, and an empty loop would
compute it anyway).
)",
    .measure = {.setup = "scores = {str(i): i % 50 for i in range(n)}", .call = "best(scores)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call, NodeKind::ComparisonOperator};
// Shorter lists are scanned about as fast as a dict is looked up.
constexpr uint32_t kMinDisplayItems = 8;

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (text == name) return true;
  }
  return false;
}

// Builtins that compute from their arguments without changing them.
bool isReadingBuiltin(std::string_view name) {
  return isOneOf(
      name, {"len",       "sorted",     "min",  "max",       "sum",   "list",     "tuple", "set",
             "frozenset", "dict",       "str",  "int",       "float", "abs",      "round", "repr",
             "bool",      "any",        "all",  "enumerate", "zip",   "reversed", "range", "ord",
             "chr",       "isinstance", "hash", "id",        "type"});
}

std::vector<TSNode> argumentsOf(TSNode call) {
  std::vector<TSNode> arguments;
  TSNode list = childByField(call, "arguments");
  if (nodeType(list) == "generator_expression") return {list};
  forEachNamedChild(list, [&](TSNode argument) {
    if (nodeType(argument) != "comment") arguments.push_back(argument);
  });
  return arguments;
}

// Names read by `expression` and bound outside it (its lambdas' parameters and comprehensions'
// targets are its own), with whether it makes a call that is not a reading builtin.
struct FreeNames {
  std::vector<TSNode> names;
  bool callsOther = false;
};

void collectFreeNames(TSNode node, const Document& document, bool inLambda,
                      std::vector<std::string_view>& own, FreeNames& result) {
  std::string_view type = nodeType(node);
  if (type == "identifier") {
    TSNode parent = syntax::parentOf(node);
    std::string_view parentType = nodeType(parent);
    if (parentType == "attribute" && ts_node_eq(childByField(parent, "attribute"), node)) return;
    if (parentType == "keyword_argument" && ts_node_eq(childByField(parent, "name"), node)) return;
    if (isBindingOccurrence(node)) {
      own.push_back(document.text(node));
      return;
    }
    result.names.push_back(node);
    return;
  }
  if (type == "await" || type == "yield" || type == "named_expression") result.callsOther = true;
  if (type == "call" && !inLambda) {
    TSNode callee = childByField(node, "function");
    bool reading = nodeType(callee) == "identifier" && isReadingBuiltin(document.text(callee));
    if (nodeType(callee) == "attribute") {
      std::string_view method = document.text(childByField(callee, "attribute"));
      reading = isOneOf(method, {"keys", "values", "items", "copy", "index", "count", "get"});
    }
    if (!reading) result.callsOther = true;
  }
  bool lambda = inLambda || type == "lambda";
  forEachNamedChild(node,
                    [&](TSNode child) { collectFreeNames(child, document, lambda, own, result); });
}

bool callsOnlyBuiltins(TSNode node, const Document& document) {
  if (nodeType(node) == "call") {
    TSNode callee = childByField(node, "function");
    if (nodeType(callee) != "identifier" ||
        (!isReadingBuiltin(document.text(callee)) && document.text(callee) != "print")) {
      return false;
    }
  }
  bool only = true;
  forEachNamedChild(node, [&](TSNode child) { only = only && callsOnlyBuiltins(child, document); });
  return only;
}

bool isParameterOf(TSNode function, std::string_view name, const Document& document) {
  TSNode parameters = childByField(function, "parameters");
  return !ts_node_is_null(parameters) &&
         !variablesNamed(parameters, document.text(), name, false).empty();
}

// Whether `expression` gives the same value on every pass of `loop` (see the header) and reads
// at least one variable (a sort of constants is no scan of data).
bool isUnchangedIn(TSNode expression, const LoopInfo& loop, const Site& site,
                   const SemanticModel& model) {
  const Document& document = model.document();
  FreeNames free;
  std::vector<std::string_view> own;
  collectFreeNames(expression, document, false, own, free);
  if (free.callsOther) return false;
  bool anyVariable = false;
  std::optional<bool> loopCallsOnlyBuiltins;
  for (TSNode use : free.names) {
    std::string_view name = document.text(use);
    bool isOwn = false;
    for (std::string_view bound : own) isOwn = isOwn || bound == name;
    if (isOwn || (isReadingBuiltin(name) && !model.bindingBefore(name, site.function, ~0u))) {
      continue;
    }
    anyVariable = true;
    for (TSNode inLoop : variablesNamed(loop.node, document.text(), name, true)) {
      if (isBindingOccurrence(inLoop)) return false;
    }
    if (mayChangeVariableIn(loop.node, document.text(), name)) return false;
    bool local =
        site.function != kModuleScope &&
        (model.bindingBefore(name, site.function, ts_node_start_byte(loop.node)) ||
         isParameterOf(model.functions()[static_cast<size_t>(site.function)].node, name, document));
    if (!local) {
      if (!loopCallsOnlyBuiltins) loopCallsOnlyBuiltins = callsOnlyBuiltins(loop.node, document);
      if (!*loopCallsOnlyBuiltins) return false;
    }
  }
  return anyVariable;
}

// Whether the name's last binding before the loop is a list worth scanning.
bool isBoundToList(TSNode name, const LoopInfo& loop, const Site& site,
                   const SemanticModel& model) {
  const Binding* binding = model.bindingBefore(model.document().text(name), site.function,
                                               ts_node_start_byte(loop.node));
  if (!binding || rangeOf(loop.node).contains(rangeOf(binding->statement))) return false;
  if (binding->shape == ValueShape::ListComprehension) return true;
  if (binding->shape == ValueShape::Call) {
    return binding->callee == "list" || binding->callee == "sorted";
  }
  if (binding->shape != ValueShape::ListDisplay) return false;
  uint32_t items = 0;
  bool splat = false;
  forEachNamedChild(binding->value, [&](TSNode item) {
    if (nodeType(item) == "comment") return;
    ++items;
    splat = splat || nodeType(item) == "list_splat";
  });
  return splat || items >= kMinDisplayItems;
}

// Whether a lambda or def between the node and the loop defers it to some later call.
bool isDeferred(TSNode node, TSNode loop) {
  for (TSNode at = syntax::parentOf(node); !ts_node_is_null(at) && !ts_node_eq(at, loop);
       at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "lambda" || type == "function_definition" || type == "class_definition") {
      return true;
    }
  }
  return false;
}

std::string quoted(TSNode node, std::string_view fallback, const Document& document) {
  std::string_view text = document.text(node);
  if (text.size() > 40 || text.find('\n') != std::string_view::npos) text = fallback;
  std::string result = "`";
  result += text;
  result += '`';
  return result;
}

// The message for a call that scans or sorts, or nothing.
std::optional<std::string> checkCall(const Site& site, const LoopInfo& loop,
                                     const SemanticModel& model) {
  const Document& document = model.document();
  TSNode call = site.node;
  TSNode callee = childByField(call, "function");
  std::vector<TSNode> arguments = argumentsOf(call);
  if (nodeType(callee) == "identifier") {
    std::string_view name = document.text(callee);
    if (!isOneOf(name, {"sorted", "min", "max"}) || model.bindingBefore(name, site.function, ~0u)) {
      return std::nullopt;
    }
    uint32_t positional = 0;
    for (TSNode argument : arguments) {
      std::string_view type = nodeType(argument);
      if (type == "list_splat" || type == "dictionary_splat") return std::nullopt;
      if (type != "keyword_argument") ++positional;
    }
    if (positional != 1 || !isUnchangedIn(call, loop, site, model)) return std::nullopt;
    std::string fallback = std::string(name) + "(...)";
    return quoted(call, fallback, document) +
           (name == "sorted" ? " sorts the same items again on every pass of the loop; sort once "
                               "before the loop"
                             : " scans the same items again on every pass of the loop; compute "
                               "it once before the loop");
  }
  if (nodeType(callee) != "attribute") return std::nullopt;
  std::string_view method = document.text(childByField(callee, "attribute"));
  TSNode receiver = childByField(callee, "object");
  if (!isOneOf(method, {"index", "count"}) || nodeType(receiver) != "identifier" ||
      arguments.empty() || !isBoundToList(receiver, loop, site, model) ||
      !isUnchangedIn(receiver, loop, site, model)) {
    return std::nullopt;
  }
  std::string shown =
      "`" + std::string(document.text(receiver)) + "." + std::string(method) + "(...)`";
  if (isUnchangedIn(call, loop, site, model)) {
    return shown +
           " gives the same result on every pass of the loop; compute it once before "
           "the loop";
  }
  return shown + (method == "index"
                      ? " scans the list on every pass of the loop; build a dict of positions "
                        "once before the loop"
                      : " scans the whole list on every pass of the loop; count once before the "
                        "loop with `collections.Counter`");
}

// The message for `v in <list rebuilt on each pass>`, or nothing.
std::optional<std::string> checkMembership(const Site& site, const LoopInfo& loop,
                                           const SemanticModel& model, TSNode& flagged) {
  const Document& document = model.document();
  TSNode comparison = site.node;
  if (ts_node_named_child_count(comparison) != 2) return std::nullopt;
  TSNode container = ts_node_named_child(comparison, 1);
  std::string_view op = document.text(ByteRange{
      ts_node_end_byte(ts_node_named_child(comparison, 0)), ts_node_start_byte(container)});
  if (op.find("in") == std::string_view::npos) return std::nullopt;
  std::string_view type = nodeType(container);
  bool rebuilt = type == "list_comprehension" || type == "set_comprehension";
  if (type == "call") {
    TSNode callee = childByField(container, "function");
    rebuilt = nodeType(callee) == "identifier" &&
              isOneOf(document.text(callee), {"list", "tuple", "set", "frozenset", "sorted"}) &&
              argumentsOf(container).size() == 1;
  }
  if (!rebuilt || !isUnchangedIn(container, loop, site, model)) return std::nullopt;
  flagged = container;
  return quoted(container, "the collection", document) +
         " is built again on every pass of the loop just to be searched; build it once before "
         "the loop, as a set if its items are hashable";
}

class SortOrScanInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    TSNode flagged = site.node;
    std::optional<std::string> message = nodeType(site.node) == "call"
                                             ? checkCall(site, loop, model)
                                             : checkMembership(site, loop, model, flagged);
    // Climbing to the loop costs more than the checks above, which turn down most sites.
    if (!message || isDeferred(site.node, loop.node)) return;
    sink.report(kInfo, site, rangeOf(flagged), std::move(*message));
  }
};

}  // namespace

const Rule& ph111SortOrScanInLoop() {
  static const SortOrScanInLoop rule;
  return rule;
}

}  // namespace perfhint
