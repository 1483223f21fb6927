// PH302 materialized-argument: a list comprehension built only to be consumed by something
// that could stop early or build its own container.
//
// Flagged (at the list comprehension):
//   any([...]) / all([...])          fix: any(...) / all(...), a generator that can stop early
//   set([...])                       fix: {...}, a set comprehension
//   for x in [...]: ... break/return fix: for x in (...):
// Not flagged: `any`, `all` and loops whose element or condition calls anything but a few pure
// builtins and string methods (the list may be there to run every call), sum, min, max, sorted,
// tuple and str.join of a list comprehension: measured on CPython 3.11 the generator is no faster
// there (slower for sorted, tuple and join, which build a list anyway); a `for` over a
// comprehension whose body cannot leave early (every item is used, and iterating over a copy is
// often the point); names the file rebinds (`any = ...`).
#include "analysis/rules/rule.h"

#include "analysis/rules/support/generator_rewrite.h"  // plain parts, restartable iterables
#include "analysis/rules/support/name_rebinding.h"     // builtins given another value
#include "analysis/syntax/node_queries.h"              // variable references, plain strings

#include <array>
#include <string>

namespace perfhint {
namespace {

using generator_rewrite::isPlainExpression;
using generator_rewrite::isRestartableIterable;
using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH302",
    .name = "materialized-argument",
    .summary =
        "A list comprehension built in full only to be passed to `any`, `all` or `set`, or "
        "iterated by a loop that may stop early.",
    .severity = Severity::Info,
    .fix = FixAvailability::Always,
    .whySlow = R"(
A list comprehension computes every item and stores them all before the consumer sees the
first one. `any` and `all` stop at the first decisive item, and so does a loop that breaks or
returns, but only when they get a generator. Measured on CPython 3.11 over 100,000 integers:
`any([x > 5 for x in xs])` takes 2.9 ms, `any(x > 5 for x in xs)` 7 µs, and a loop that breaks
at the seventh item 6.3 ms against 6 µs. When no item decides, the generator is slower (6.6 ms
against 3.2 ms), so the gain depends on how early the answer comes. `set([...])` builds a list
it throws away: the set comprehension `{...}` took 10.3 ms against 15.2 ms, and 0.57 µs against
1.18 µs for 10 items. `sum`, `min`, `max`, `sorted`, `tuple` and `"".join` are not flagged:
there the generator measured no faster, and slower for `tuple` and `sorted` (63 µs and 56 µs
against 33 µs and 35 µs for 1,000 items).
)",
    .useInstead = R"(
A generator expression: `any(x > 5 for x in xs)`, `for row in (parse(r) for r in rows):`; a set
comprehension: `{x.lower() for x in words}`.
)",
    .example = {.before = R"(
def has_negative(numbers):
    return any([n < 0 for n in numbers])

print(has_negative([3, -1, 2]), has_negative([1, 2]))
)",
                .after = R"(
def has_negative(numbers):
    return any(n < 0 for n in numbers)

print(has_negative([3, -1, 2]), has_negative([1, 2]))
)"},
    .fixSafety = R"(
For `any` and `all` the generator evaluates only the items up to the first decisive one, so
the skipped items' side effects and exceptions no longer happen, and an iterator being iterated
is left partly consumed. The fix is safe when every part of the comprehension is made of names,
constants, attribute reads, comparisons, `and`/`or`/`not` and arithmetic (no calls, subscripts,
`await` or walrus), and it iterates over a display, `range(...)`, or `.items()`, `.keys()` or
`.values()` of a name; otherwise it is unsafe.
`set([...])` to `{...}` is safe: every item is still computed, in the same order.
The `for` loop fix is always unsafe: the loop body now runs between the items' evaluations, so
a body that changes what the comprehension reads (often the reason for iterating over a copy)
changes the result.
No fix when a comment lies inside the call, or the argument has a trailing comma.
)",
    .measure = {.setup = "numbers = list(range(n))\nnumbers[n // 2] = -1",
                .call = "has_negative(numbers)"},
};

constexpr NodeKind kKinds[] = {NodeKind::ListComprehension};

// Whether every call under `node` is to a builtin or string method that only computes a value.
// Other calls may be there for their effects: `all([form.is_valid() for form in forms])` is
// written to validate every form, and a generator would stop at the first invalid one.
bool callsOnlyPureFunctions(TSNode node, const Document& document) {
  if (ts_node_is_null(node)) return true;
  if (nodeType(node) == "call") {
    static constexpr std::array<std::string_view, 16> kPureBuiltins = {
        "isinstance", "issubclass", "len", "callable", "hasattr", "type", "abs",   "ord",
        "chr",        "str",        "int", "float",    "bool",    "repr", "round", "id"};
    static constexpr std::array<std::string_view, 16> kPureMethods = {
        "startswith", "endswith", "isdigit",      "isalpha",  "isalnum", "isspace",
        "isupper",    "islower",  "isidentifier", "lower",    "upper",   "strip",
        "lstrip",     "rstrip",   "casefold",     "isnumeric"};
    TSNode callee = childByField(node, "function");
    bool pure = false;
    if (nodeType(callee) == "identifier") {
      for (std::string_view name : kPureBuiltins) pure = pure || document.text(callee) == name;
    } else if (nodeType(callee) == "attribute") {
      std::string_view method = document.text(childByField(callee, "attribute"));
      for (std::string_view name : kPureMethods) pure = pure || method == name;
    }
    if (!pure) return false;
  }
  bool pure = true;
  forEachNamedChild(node,
                    [&](TSNode child) { pure = pure && callsOnlyPureFunctions(child, document); });
  return pure;
}

// Whether the element and conditions of the comprehension call only pure functions.
bool elementsCallOnlyPureFunctions(TSNode comprehension, const Document& document) {
  bool pure = true;
  forEachNamedChild(comprehension, [&](TSNode part) {
    std::string_view type = nodeType(part);
    if (type == "for_in_clause") return;
    pure = pure && callsOnlyPureFunctions(part, document);
  });
  return pure;
}

// Whether a `break` or `return` in the loop body leaves `loop` (not an inner loop or function).
bool canLeaveEarly(TSNode node, bool insideInnerLoop) {
  bool found = false;
  forEachNamedChild(node, [&](TSNode child) {
    if (found) return;
    std::string_view type = nodeType(child);
    if (type == "return_statement" || (type == "break_statement" && !insideInnerLoop)) {
      found = true;
    } else if (type == "function_definition" || type == "class_definition" || type == "lambda") {
      return;
    } else {
      bool inner = insideInnerLoop || type == "for_statement" || type == "while_statement";
      // An inner loop's `else:` runs in the outer loop's context.
      found = canLeaveEarly(child, inner);
    }
  });
  return found;
}

// Whether every part of the comprehension is plain and its iterable can be stopped early
// without anyone noticing.
bool shortCircuitKeepsMeaning(TSNode comprehension, const Document& document) {
  bool plain = true;
  bool firstClause = true;
  forEachNamedChild(comprehension, [&](TSNode part) {
    if (nodeType(part) == "for_in_clause" && firstClause) {
      firstClause = false;
      plain = plain && isPlainExpression(childByField(part, "left")) &&
              isRestartableIterable(childByField(part, "right"), document);
    } else {
      plain = plain && isPlainExpression(part);
    }
  });
  return plain;
}

class MaterializedArgument final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    TSNode comprehension = site.node;
    TSNode parent = syntax::parentOf(comprehension);
    if (nodeType(parent) == "argument_list") {
      checkArgument(site, comprehension, parent, model, sink);
    } else if (nodeType(parent) == "for_statement" &&
               ts_node_eq(childByField(parent, "right"), comprehension)) {
      checkLoop(site, comprehension, parent, model, sink);
    }
  }

 private:
  static void checkArgument(const Site& site, TSNode comprehension, TSNode arguments,
                            const SemanticModel& model, FindingSink& sink) {
    const Document& document = model.document();
    TSNode call = syntax::parentOf(arguments);
    TSNode callee = childByField(call, "function");
    // `any(`, the comprehension, `)`: nothing else, not even a trailing comma.
    if (nodeType(callee) != "identifier" || ts_node_child_count(arguments) != 3) return;
    std::string_view name = document.text(callee);
    bool shortCircuits = name == "any" || name == "all";
    if ((!shortCircuits && name != "set") || isRebound(name, site, model)) return;
    if (shortCircuits && !elementsCallOnlyPureFunctions(comprehension, document)) return;

    ByteRange range = rangeOf(comprehension);
    std::optional<Fix> fix;
    if (!model.hasCommentIn(rangeOf(call))) {
      if (shortCircuits) {
        fix = Fix{
            "Pass a generator expression",
            shortCircuitKeepsMeaning(comprehension, document) ? FixSafety::Safe : FixSafety::Unsafe,
            {{{range.start, range.start + 1}, ""}, {{range.end - 1, range.end}, ""}}};
      } else {
        ByteRange whole = rangeOf(call);
        std::string replacement = "{";
        replacement += document.text(ByteRange{range.start + 1, range.end - 1});
        replacement += '}';
        fix = Fix{"Use a set comprehension", FixSafety::Safe, {{whole, std::move(replacement)}}};
      }
    }
    std::string message = "`";
    message += name;
    message += shortCircuits ? "()` gets a full list and cannot stop early; pass a generator"
                             : "()` of a list comprehension builds a list only to drop it; use "
                               "a set comprehension";
    sink.report(kInfo, site, range, std::move(message), std::move(fix));
  }

  static void checkLoop(const Site& site, TSNode comprehension, TSNode loop,
                        const SemanticModel& model, FindingSink& sink) {
    if (nodeType(ts_node_child(loop, 0)) == "async") return;
    if (!canLeaveEarly(childByField(loop, "body"), false) ||
        !elementsCallOnlyPureFunctions(comprehension, model.document())) {
      return;
    }
    ByteRange range = rangeOf(comprehension);
    std::optional<Fix> fix;
    if (!model.hasCommentIn(range)) {
      fix = Fix{"Iterate over a generator expression",
                FixSafety::Unsafe,
                {{{range.start, range.start + 1}, "("}, {{range.end - 1, range.end}, ")"}}};
    }
    sink.report(kInfo, site, range,
                "The loop can stop early but the list comprehension computes every item first; "
                "iterate over a generator",
                std::move(fix));
  }
};

}  // namespace

const Rule& ph302MaterializedArgument() {
  static const MaterializedArgument rule;
  return rule;
}

}  // namespace perfhint
