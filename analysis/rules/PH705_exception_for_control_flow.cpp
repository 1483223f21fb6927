// PH705 exception-for-control-flow: inside a loop, a `try` around one subscript or attribute
// lookup whose `except KeyError`, `except IndexError` or `except AttributeError` handles the
// missing case, where `.get()`, `in`, a length check or `getattr(obj, name, default)` says the
// same without raising.
//
// The split with PH702: PH702 owns `try: v = d[k]` / `except KeyError: v = default` with a
// default that `.get()` may evaluate eagerly (a constant or a plain name); PH705 leaves exactly
// that shape to it and covers the rest: IndexError, AttributeError, and KeyError around `+=`,
// `del`, `return` or a lookup whose handler does something else (`continue`, `pass`, a computed
// value). PH705 only looks inside loops, where a frequent miss multiplies.
//
// Since `try` is the faster form when the lookup rarely fails, only loops whose shape makes
// misses common by construction are flagged: the container or object changes on every pass (a
// key searched for in several mappings, a column read from rows of different lengths, objects
// of mixed kinds), an index that walks positions of another collection, and the counting idiom
// `d[k] += 1` / `except KeyError: d[k] = 1`, which misses once per distinct key.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // literals, named children, name chains

#include <string>
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH705",
    .name = "exception-for-control-flow",
    .summary =
        "Inside a loop, `try` around a single lookup with `except KeyError`, `IndexError` or "
        "`AttributeError`; `.get()`, `in`, a length check or `getattr` with a default avoids "
        "raising when the lookup often fails.",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
On CPython 3.11 entering a `try` block costs nothing, so when the lookup almost always succeeds
the `try` form is the fastest one. The cost comes when it fails: Python creates the exception
object, unwinds to the handler and matches its type, which takes several times as long as the
lookup. Measured on CPython 3.11 on a busy machine (one call of a small function around the
statement, best of 5; read the ratios):

| form | lookup succeeds | lookup fails |
|---|---|---|
| `try: v = a[i]` / `except IndexError` | 340 ns | 1.3–1.7 µs |
| `v = a[i] if i < len(a) else 0` | 400–480 ns | 400–480 ns |
| `try: v = o.x` / `except AttributeError` | 110–150 ns | 4.2–4.7 µs |
| `v = getattr(o, "x", 0)` | 420–460 ns | 420–570 ns |
| `try: d[k] += 1` / `except KeyError: d[k] = 1` | 510–570 ns | 1.8–2.8 µs |
| `d[k] = d.get(k, 0) + 1` | 600–940 ns | 730–750 ns |

So the check costs a little on every pass and the exception a lot on each miss: by these
figures the check wins once 7–12% of passes take the `except` branch (about one in ten), and
the `try` is faster when misses are rarer. The miss rate is not visible in the code, so only loops whose shape makes misses common
are flagged: the container or object changes on every pass (a key searched for in several
mappings, a column of rows of different lengths, objects of mixed kinds), an index that walks
the positions of another collection, and counting with `d[k] += 1`, which misses once per new
key. Handlers that leave the loop (`break`, `return`) run once at most and are not flagged.
)",
    .useInstead = R"(
Say the missing case without raising: `d.get(k, default)` or `if k in d:` for dicts (for
counting, `d[k] = d.get(k, 0) + 1`, or `collections.Counter` / `defaultdict(int)`),
`d.pop(k, None)` instead of `del d[k]` under `except KeyError: pass`, `if i < len(a):` for
sequences, and `getattr(obj, "name", default)` for attributes.
)",
    .example = {.before = R"(
def widths(rows):
    result = []
    for row in rows:
        try:
            width = row[2]
        except IndexError:
            continue
        result.append(width)
    return result


print(widths([[1, 2, 3], [4], [5, 6, 7]]))
)",
                .after = R"(
def widths(rows):
    result = []
    for row in rows:
        if len(row) <= 2:
            continue
        result.append(row[2])
    return result


print(widths([[1, 2, 3], [4], [5, 6, 7]]))
)"},
    .fixSafety = R"(
No fix: whether the check is faster depends on how often the lookup fails, and the check must
match the container (a negative index, a `__missing__` hook, a property that raises).
)",
    .measure = {.setup = "rows = [[1, 2, 3] if i % 3 else [4] for i in range(n)]",
                .call = "widths(rows)"},
};

constexpr NodeKind kKinds[] = {NodeKind::TryStatement};

enum class Caught : uint8_t { None, KeyError, IndexError, AttributeError };

// The one exception a handler catches, when it is one of ours and not bound with `as`.
Caught caughtBy(TSNode handler, const Document& document) {
  std::vector<TSNode> parts = namedChildrenWithoutComments(handler);
  if (parts.size() != 2 || nodeType(parts[0]) != "identifier") return Caught::None;
  std::string_view name = document.text(parts[0]);
  if (name == "KeyError") return Caught::KeyError;
  if (name == "IndexError") return Caught::IndexError;
  if (name == "AttributeError") return Caught::AttributeError;
  return Caught::None;
}

// The block's only statement, or a null node.
TSNode soleStatement(TSNode block) {
  std::vector<TSNode> statements = namedChildrenWithoutComments(block);
  return statements.size() == 1 ? statements[0] : TSNode{};
}

// `d[k]` with a plain container and a single plain key: one lookup that can only fail by a
// missing key or index.
bool isPlainSubscript(TSNode node) {
  if (nodeType(node) != "subscript" || ts_node_named_child_count(node) != 2) return false;
  TSNode key = ts_node_named_child(node, 1);
  return isNameOrAttributeChain(childByField(node, "value")) &&
         (isNameOrAttributeChain(key) || isHashableLiteral(key));
}

// `obj.name` on a plain variable: one attribute lookup.
bool isPlainAttribute(TSNode node) {
  return nodeType(node) == "attribute" && nodeType(childByField(node, "object")) == "identifier";
}

bool isLookupFor(TSNode node, Caught caught) {
  return caught == Caught::AttributeError ? isPlainAttribute(node) : isPlainSubscript(node);
}

// The lookup the `try` body guards: `v = LOOKUP`, `return LOOKUP`, `d[k] += x` or `del d[k]`
// (the last two for KeyError only), or a null node when the body is anything else.
TSNode guardedLookup(TSNode statement, Caught caught) {
  std::string_view type = nodeType(statement);
  if (type == "return_statement") {
    TSNode value = ts_node_named_child(statement, 0);
    return ts_node_named_child_count(statement) == 1 && isLookupFor(value, caught) ? value
                                                                                   : TSNode{};
  }
  if (type == "delete_statement") {
    TSNode target = ts_node_named_child(statement, 0);
    return caught == Caught::KeyError && ts_node_named_child_count(statement) == 1 &&
                   isPlainSubscript(target)
               ? target
               : TSNode{};
  }
  if (type != "expression_statement" || ts_node_named_child_count(statement) != 1) return {};
  TSNode expression = ts_node_named_child(statement, 0);
  std::string_view expressionType = nodeType(expression);
  TSNode left = childByField(expression, "left");
  TSNode right = childByField(expression, "right");
  if (expressionType == "assignment") {
    if (nodeType(left) != "identifier" || !ts_node_is_null(childByField(expression, "type"))) {
      return {};
    }
    return isLookupFor(right, caught) ? right : TSNode{};
  }
  if (expressionType == "augmented_assignment" && caught == Caught::KeyError &&
      isPlainSubscript(left) && (isHashableLiteral(right) || isNameOrAttributeChain(right))) {
    return left;
  }
  return {};
}

// Whether the handler's single statement supplies the missing case and goes on with the loop:
// `continue`, `pass`, or one assignment (for AttributeError only `continue` and `pass`). A
// handler that leaves the loop (`break`, `return`, `raise`) runs at most once per loop, so the
// exception is rare by construction; one that logs or does more is not a lookup with a default.
// An attribute read into a default is usually an optional attribute that is mostly present,
// where `try` is the faster form; skipping the objects that lack it suggests mixed items.
bool isSimpleHandler(TSNode statement, Caught caught) {
  std::string_view type = nodeType(statement);
  if (type == "continue_statement" || type == "pass_statement") return true;
  return caught != Caught::AttributeError && type == "expression_statement" &&
         ts_node_named_child_count(statement) == 1 &&
         nodeType(ts_node_named_child(statement, 0)) == "assignment";
}

// `__doc__`, `__dict__` and the like exist on nearly every object.
bool isDunderAttribute(TSNode lookup, const Document& document) {
  if (nodeType(lookup) != "attribute") return false;
  std::string_view name = document.text(childByField(lookup, "attribute"));
  return name.size() > 4 && name.starts_with("__") && name.ends_with("__");
}

// `try: v = d[k]` / `except KeyError: v = <constant or name>`: PH702 reports it.
bool isPh702Shape(TSNode body, TSNode handlerStatement, const Document& document) {
  if (nodeType(body) != "expression_statement" ||
      nodeType(handlerStatement) != "expression_statement") {
    return false;
  }
  TSNode lookup = ts_node_named_child(body, 0);
  TSNode fallback = ts_node_named_child(handlerStatement, 0);
  if (nodeType(lookup) != "assignment" || nodeType(fallback) != "assignment") return false;
  TSNode value = childByField(fallback, "right");
  return document.text(childByField(lookup, "left")) ==
             document.text(childByField(fallback, "left")) &&
         ts_node_is_null(childByField(fallback, "type")) &&
         (isConstantValue(value) || isNameOrAttributeChain(value));
}

// Whether the container of a subscript was bound in this scope to a mapping that calls
// `__missing__`: then `d[k]` does not raise KeyError and the handler is dead code.
bool hasMissingHook(TSNode lookup, TSNode statement, const SemanticModel& model, int32_t function) {
  TSNode container = childByField(lookup, "value");
  if (nodeType(container) != "identifier") return false;
  const Binding* binding = model.bindingBefore(model.document().text(container), function,
                                               ts_node_start_byte(statement));
  return binding && binding->shape == ValueShape::Call &&
         (binding->callee == "collections.defaultdict" || binding->callee == "collections.Counter");
}

std::string messageFor(Caught caught) {
  switch (caught) {
    case Caught::KeyError:
      return "Lookup in a loop guarded by `try`/`except KeyError`; if keys are often missing, "
             "`.get()` or `in` avoids raising";
    case Caught::IndexError:
      return "Index in a loop guarded by `try`/`except IndexError`; if it is often out of "
             "range, a length check avoids raising";
    case Caught::AttributeError:
    case Caught::None: break;
  }
  return "Attribute in a loop guarded by `try`/`except AttributeError`; if it is often "
         "missing, `getattr()` with a default avoids raising";
}

// Whether the variable named by `identifier` gets a new value inside the loop (its target too).
bool boundInLoop(TSNode identifier, const LoopInfo& loop, const SemanticModel& model) {
  if (ts_node_is_null(identifier) || nodeType(identifier) != "identifier") return false;
  const Document& document = model.document();
  for (TSNode occurrence :
       variablesNamed(loop.node, document.text(), document.text(identifier), false)) {
    if (isBindingOccurrence(occurrence)) return true;
  }
  return false;
}

// Whether the loop's shape makes the lookup fail often: see the header.
bool missesByConstruction(TSNode body, TSNode lookup, Caught caught, const LoopInfo& loop,
                          const SemanticModel& model) {
  if (caught == Caught::AttributeError) {
    return boundInLoop(childByField(lookup, "object"), loop, model);
  }
  if (boundInLoop(rootNameOf(childByField(lookup, "value")), loop, model)) return true;
  if (caught == Caught::IndexError) {
    return boundInLoop(ts_node_named_child(lookup, 1), loop, model);
  }
  return nodeType(body) == "expression_statement" &&
         nodeType(ts_node_named_child(body, 0)) == "augmented_assignment";
}

class ExceptionForControlFlow final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    const Document& document = model.document();
    TSNode statement = site.node;
    std::vector<TSNode> parts = namedChildrenWithoutComments(statement);
    // The body and exactly one handler: no `else`, no `finally`.
    if (parts.size() != 2 || nodeType(parts[1]) != "except_clause") return;
    Caught caught = caughtBy(parts[1], document);
    if (caught == Caught::None) return;
    TSNode body = soleStatement(parts[0]);
    TSNode handlerStatement = soleStatement(namedChildrenWithoutComments(parts[1])[1]);
    if (ts_node_is_null(body) || ts_node_is_null(handlerStatement) ||
        !isSimpleHandler(handlerStatement, caught)) {
      return;
    }
    TSNode lookup = guardedLookup(body, caught);
    if (ts_node_is_null(lookup) || isDunderAttribute(lookup, document)) return;
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    if (!missesByConstruction(body, lookup, caught, loop, model)) return;
    if (caught == Caught::KeyError && (isPh702Shape(body, handlerStatement, document) ||
                                       hasMissingHook(lookup, statement, model, site.function))) {
      return;
    }
    sink.report(kInfo, site, rangeOf(lookup), messageFor(caught));
  }
};

}  // namespace

const Rule& ph705ExceptionForControlFlow() {
  static const ExceptionForControlFlow rule;
  return rule;
}

}  // namespace perfhint
