// PH704 recursive-without-cache: a pure function that calls itself two or more times per call
// with arguments one step away from its own, so the same calls repeat exponentially often.
//
// The rule looks for the shape of a textbook recurrence (Fibonacci, binomial coefficients, grid
// paths, edit distance over indices): a module-level `def` without decorators whose body reads
// only its parameters, its own locals, itself and a few pure builtins; and at least two
// self-calls that can both run in one call, every argument a parameter, a constant or a
// parameter plus or minus an integer. Divide-and-conquer recursion (`f(lo, mid)`, `f(mid, hi)`)
// does not repeat work and does not match, because its arguments are computed.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // literals, binding occurrences

#include <algorithm>  // find
#include <array>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH704",
    .name = "recursive-without-cache",
    .summary =
        "Pure recursive function that calls itself two or more times per call with "
        "overlapping arguments and no cache; `functools.cache` computes each value once.",
    .severity = Severity::Info,
    .fix = FixAvailability::Always,
    .whySlow = R"(
A function such as `fib(n) = fib(n - 1) + fib(n - 2)` asks for the same values again and again:
the number of calls grows exponentially with `n`, although there are only `n` distinct
arguments. Measured on CPython 3.11: the plain `fib(20)` takes 2.9-4.4 ms (21,891 calls); with
`@functools.cache` the first call takes 15-17 us (21 evaluations) and later ones are a lookup.
Flagged are module-level functions without decorators whose body uses only their parameters,
their own locals, themselves and pure builtins (`min`, `max`, `abs`, `len`, ...), assigns no
attributes, subscripts or globals, and makes at least two self-calls that can run in the same
call with arguments that are parameters, constants or a parameter plus or minus an integer.
Methods are never flagged: a cache on a method keeps every `self` alive.
)",
    .useInstead = R"(
Decorate the function with `@functools.cache` (Python 3.9+), or `@functools.lru_cache(maxsize=N)`
when the argument space is large and memory matters.
)",
    .example = {.before = R"(
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(24))
)",
                .after = R"(
import functools
@functools.cache
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(24))
)"},
    .fixSafety = R"(
Unsafe. The fix adds `@functools.cache` above the `def` (reusing an existing `import functools`,
`from functools import cache` or `lru_cache`, or adding `import functools`). Behaviour changes
when an argument is unhashable (a list raises `TypeError`), when arguments compare equal but
differ (`1` and `1.0` share an entry), when a result is a mutable object that callers change
(the cache hands out the same object), and the cache keeps every argument and result alive for
the life of the program. `functools.cache` needs Python 3.9.
)",
    .measure = {.setup = R"(
clear = getattr(fib, "cache_clear", lambda: None)
k = min(n, 22)
)",
                .call = "(clear(), fib(k))[1]"},
};

constexpr NodeKind kKinds[] = {NodeKind::FunctionDefinition};

// Builtins without side effects that recurrences commonly use. A module that rebinds one of
// these names is not trusted.
constexpr std::array<std::string_view, 24> kPureBuiltins{
    "abs",       "all",   "any",      "bool",       "chr",    "divmod", "enumerate", "float",
    "frozenset", "hash",  "int",      "isinstance", "len",    "max",    "min",       "ord",
    "pow",       "range", "reversed", "round",      "sorted", "str",    "sum",       "tuple"};

bool isPureBuiltin(std::string_view name) {
  return std::find(kPureBuiltins.begin(), kPureBuiltins.end(), name) != kPureBuiltins.end();
}

// Node types that make a body impure or too dynamic to reason about.
bool isForbiddenNode(std::string_view type) {
  return type == "yield" || type == "await" || type == "global_statement" ||
         type == "nonlocal_statement" || type == "delete_statement" || type == "import_statement" ||
         type == "import_from_statement" || type == "with_statement" || type == "try_statement" ||
         type == "function_definition" || type == "class_definition" || type == "lambda" ||
         type == "attribute" || type == "print_statement" || type == "exec_statement";
}

// The parameter names, or nullopt when a parameter is not a plain name with at most a constant
// default (`*args`, `**kwargs`, computed defaults).
std::optional<std::vector<std::string_view>> plainParameters(TSNode parameters,
                                                             const Document& document) {
  std::vector<std::string_view> names;
  bool plain = true;
  forEachNamedChild(parameters, [&](TSNode parameter) {
    std::string_view type = nodeType(parameter);
    if (type == "identifier") {
      names.push_back(document.text(parameter));
    } else if (type == "typed_parameter" &&
               nodeType(ts_node_named_child(parameter, 0)) == "identifier") {
      names.push_back(document.text(ts_node_named_child(parameter, 0)));
    } else if ((type == "default_parameter" || type == "typed_default_parameter") &&
               nodeType(childByField(parameter, "name")) == "identifier" &&
               isHashableLiteral(childByField(parameter, "value"))) {
      names.push_back(document.text(childByField(parameter, "name")));
    } else {
      plain = false;
    }
  });
  if (!plain || names.empty()) return std::nullopt;
  return names;
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Whether an argument is a parameter, a constant, or a parameter plus or minus an integer: the
// steps of a recurrence whose subproblems overlap.
bool isStepArgument(TSNode argument, const std::vector<std::string_view>& parameters,
                    const Document& document) {
  std::string_view type = nodeType(argument);
  if (type == "identifier") return contains(parameters, document.text(argument));
  if (isHashableLiteral(argument)) return true;
  if (type != "binary_operator") return false;
  TSNode left = childByField(argument, "left");
  TSNode right = childByField(argument, "right");
  std::string_view op = document.text(childByField(argument, "operator"));
  return (op == "+" || op == "-") && nodeType(left) == "identifier" &&
         contains(parameters, document.text(left)) && nodeType(right) == "integer";
}

// Whether a name is bound at module level (a def, class, import, assignment, ...): then a
// builtin of that name may not be the builtin.
bool isBoundInModule(std::string_view name, const Document& document) {
  for (TSNode use : variablesNamed(document.root(), document.text(), name, false)) {
    if (isBindingOccurrence(use)) return true;
  }
  return false;
}

// The self-calls in a body, or nullopt when the body is not pure (see the file comment).
std::optional<std::vector<TSNode>> selfCallsOfPureBody(
    TSNode definition, std::string_view self, const std::vector<std::string_view>& parameters,
    const Document& document) {
  TSNode body = childByField(definition, "body");
  // Locals: every name the body binds.
  std::vector<std::string_view> locals;
  std::vector<TSNode> identifiers;
  bool pure = true;
  syntax::TreeCursor cursor(body);
  while (pure) {
    TSNode node = cursor.node();
    std::string_view type = nodeType(node);
    if (isForbiddenNode(type)) pure = false;
    if ((type == "assignment" || type == "augmented_assignment") &&
        nodeType(childByField(node, "left")) == "subscript") {
      pure = false;
    }
    if (type == "identifier") {
      identifiers.push_back(node);
      if (isBindingOccurrence(node)) locals.push_back(document.text(node));
    }
    if (cursor.gotoFirstChild()) continue;
    bool more = true;
    while (more && !cursor.gotoNextSibling()) {
      more = cursor.gotoParent() && !ts_node_eq(cursor.node(), body);
    }
    if (!more) break;
  }
  if (!pure || contains(locals, self)) return std::nullopt;

  std::vector<TSNode> selfCalls;
  for (TSNode identifier : identifiers) {
    std::string_view name = document.text(identifier);
    TSNode parent = syntax::parentOf(identifier);
    if (nodeType(parent) == "keyword_argument" &&
        ts_node_eq(childByField(parent, "name"), identifier)) {
      continue;
    }
    if (contains(parameters, name) || contains(locals, name)) continue;
    bool isCallee =
        nodeType(parent) == "call" && ts_node_eq(childByField(parent, "function"), identifier);
    if (name == self) {
      if (!isCallee) return std::nullopt;  // passed around or compared: not a plain recurrence
      bool stepArguments = true;
      forEachNamedChild(childByField(parent, "arguments"), [&](TSNode argument) {
        stepArguments = stepArguments && isStepArgument(argument, parameters, document);
      });
      if (!stepArguments) return std::nullopt;
      selfCalls.push_back(parent);
      continue;
    }
    if (!isPureBuiltin(name) || isBoundInModule(name, document)) return std::nullopt;
  }
  return selfCalls;
}

bool isWithin(TSNode outer, TSNode inner) {
  return ts_node_start_byte(outer) <= ts_node_start_byte(inner) &&
         ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

// The child of `ancestor` that holds `node`.
TSNode childHolding(TSNode ancestor, TSNode node) {
  TSNode found{};
  for (uint32_t i = 0, n = ts_node_child_count(ancestor); i < n; ++i) {
    TSNode child = ts_node_child(ancestor, i);
    if (isWithin(child, node)) found = child;
  }
  return found;
}

// Whether a `return` or `raise` lies between `node` and `limit`: running `node` ends the call.
bool endsTheCall(TSNode node, TSNode limit) {
  for (TSNode at = syntax::parentOf(node); !ts_node_is_null(at) && !ts_node_eq(at, limit);
       at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "return_statement" || type == "raise_statement") return true;
  }
  return false;
}

// Whether the two self-calls (`first` before `second` in the text) can both run in one call:
// not on different branches of an `if`, a conditional expression or a `match`, and `first` does
// not end the call before `second` is reached.
bool canBothRun(TSNode first, TSNode second) {
  TSNode common = syntax::parentOf(first);
  while (!ts_node_is_null(common) && !isWithin(common, second)) common = syntax::parentOf(common);
  if (ts_node_is_null(common)) return false;
  std::string_view type = nodeType(common);
  TSNode firstSide = childHolding(common, first);
  TSNode secondSide = childHolding(common, second);
  if (type == "if_statement" || type == "elif_clause") {
    TSNode condition = childByField(common, "condition");
    if (!ts_node_eq(firstSide, condition) && !ts_node_eq(secondSide, condition)) return false;
  }
  if (type == "conditional_expression") {
    // `a if condition else b`: the condition is the second named child.
    TSNode condition = ts_node_named_child(common, 1);
    if (!ts_node_eq(firstSide, condition) && !ts_node_eq(secondSide, condition)) return false;
  }
  if (type == "match_statement" || nodeType(syntax::parentOf(common)) == "match_statement") {
    return false;
  }
  return !endsTheCall(first, common);
}

// Whether the call sits inside a loop of the body: a self-call there may run many times per call.
bool isInLoop(TSNode call, TSNode body) {
  for (TSNode at = syntax::parentOf(call); !ts_node_is_null(at) && !ts_node_eq(at, body);
       at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "for_statement" || type == "while_statement" || type == "generator_expression" ||
        type == "list_comprehension" || type == "set_comprehension" ||
        type == "dictionary_comprehension") {
      return true;
    }
  }
  return false;
}

bool fansOut(const std::vector<TSNode>& calls, TSNode body) {
  for (size_t i = 0; i < calls.size(); ++i) {
    if (isInLoop(calls[i], body) && !endsTheCall(calls[i], body)) return true;
    for (size_t j = i + 1; j < calls.size(); ++j) {
      if (canBothRun(calls[i], calls[j])) return true;
    }
  }
  return false;
}

// The decorator text that caches through the module's own unconditional imports of functools,
// or empty when there is none.
std::string cacheDecoratorFromImports(const SemanticModel& model) {
  for (const ImportBinding& binding : model.imports()) {
    if (binding.function != kModuleScope || binding.typeCheckingOnly ||
        binding.guardedByImportError || nodeType(syntax::parentOf(binding.statement)) != "module") {
      continue;
    }
    std::string local(binding.localName);
    if (binding.qualifiedName == "functools") return local + ".cache";
    if (binding.qualifiedName == "functools.cache") return local;
    if (binding.qualifiedName == "functools.lru_cache") return local + "(maxsize=None)";
  }
  return {};
}

// Where `import functools` goes: after the module docstring and `from __future__` imports
// (with `newLine` set: the insertion starts a line of its own), else before the first statement.
uint32_t importInsertionPoint(const Document& document, bool& newLine) {
  TSNode root = document.root();
  uint32_t after = 0;
  newLine = false;
  bool first = true;
  for (uint32_t i = 0, n = ts_node_named_child_count(root); i < n; ++i) {
    TSNode statement = ts_node_named_child(root, i);
    std::string_view type = nodeType(statement);
    if (type == "comment") continue;
    bool docstring = first && type == "expression_statement" &&
                     nodeType(ts_node_named_child(statement, 0)) == "string";
    first = false;
    if (docstring || type == "future_import_statement") {
      after = ts_node_end_byte(statement);
      newLine = true;
      continue;
    }
    if (!newLine) return ts_node_start_byte(statement);
    break;
  }
  return after;
}

Fix cacheFix(TSNode definition, const SemanticModel& model) {
  const Document& document = model.document();
  std::string decorator = cacheDecoratorFromImports(model);
  std::vector<FixEdit> edits;
  std::string imported;
  if (decorator.empty()) {
    decorator = "functools.cache";
    bool newLine = false;
    uint32_t at = importInsertionPoint(document, newLine);
    imported = newLine ? "\nimport functools" : "import functools\n";
    if (at != ts_node_start_byte(definition)) {
      edits.push_back({{at, at}, imported});
      imported.clear();
    }
  }
  // One edit when the import goes right above the `def`: two insertions at one offset would
  // have no defined order.
  uint32_t def = ts_node_start_byte(definition);
  edits.push_back({{def, def}, imported.append("@").append(decorator).append("\n")});
  std::string title = "Cache results with `@";
  title.append(decorator).append("`");
  return Fix{std::move(title), FixSafety::Unsafe, std::move(edits)};
}

class RecursiveWithoutCache final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    TSNode definition = site.node;
    // Module-level and undecorated only: a method's cache keeps `self` alive, a nested
    // function may read changing variables of its enclosing call, and a decorated one may be
    // cached already or wrapped in ways the cache would change.
    if (site.function != kModuleScope || nodeType(syntax::parentOf(definition)) != "module") return;
    if (nodeType(ts_node_child(definition, 0)) == "async") return;
    const Document& document = model.document();
    auto parameters = plainParameters(childByField(definition, "parameters"), document);
    if (!parameters) return;
    TSNode nameNode = childByField(definition, "name");
    std::string_view name = document.text(nameNode);
    // Most functions never name themselves: finding that out needs no walk of the body.
    if (variablesNamed(childByField(definition, "body"), document.text(), name, true).empty()) {
      return;
    }
    auto calls = selfCallsOfPureBody(definition, name, *parameters, document);
    if (!calls || calls->empty() || !fansOut(*calls, childByField(definition, "body"))) return;

    Fix fix = cacheFix(definition, model);
    sink.report(kInfo, site, rangeOf(nameNode),
                std::string("`").append(name).append(
                    "` calls itself several times per call with overlapping arguments, so the "
                    "same values are computed again and again; cache it with `@functools.cache`"),
                std::move(fix));
  }
};

}  // namespace

const Rule& ph704RecursiveWithoutCache() {
  static const RecursiveWithoutCache rule;
  return rule;
}

}  // namespace perfhint
