// PH702 try-except-keyerror: a dict lookup with a default written as `try: v = d[k]` /
// `except KeyError: v = default`, or as `if k in d: v = d[k]` / `else: v = default`.
//
// Only the exact shapes are matched: one assignment to one name in each branch, a lookup whose
// dict and key are plain names, attribute chains or constants, and a default without calls (so
// that evaluating it eagerly, as `.get()` does, costs nothing and changes nothing).
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // literals, variable occurrences

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH702",
    .name = "try-except-keyerror",
    .summary =
        "Dict lookup with a default written as `try`/`except KeyError` or as `if k in d` "
        "inside a loop or function; `d.get(k, default)` does it in one call.",
    .severity = Severity::Hint,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
A missing key makes `d[k]` raise `KeyError`: Python builds the exception object and searches for
the handler, which costs far more than the lookup itself. `if k in d: v = d[k]` avoids the
exception but hashes and looks up the key twice when it is present. `d.get(k, default)` looks up
once and never raises. Measured on CPython 3.11 inside a function, 100-key dict, int and short str
keys (ranges over repeated runs):

| form | key present | key missing |
|---|---|---|
| `try` / `except KeyError` | 17-20 ns | 150-230 ns |
| `if k in d` / `else` | 27-37 ns | 17-18 ns |
| `d.get(k, default)` | 23-26 ns | 20-22 ns |

So `.get()` is about 6 ns slower than `try` when the key is there, and wins as soon as more than
3-5% of lookups miss; against `in` it is as fast on a miss and faster on a hit. Only lookups that
run repeatedly (in a loop or a function) are flagged, and not those on a cold path: inside an
`except` handler, or in `os.environ`, which programs read as configuration, mostly once.
)",
    .useInstead = R"(
`v = d.get(k, default)`. When the key is present almost every time and the lookup is hot, the
`try` form is a little faster; keep it there and suppress the hint with `# noqa: PH702`.
)",
    .example = {.before = R"(
def count_words(words):
    counts = {}
    for word in words:
        try:
            seen = counts[word]
        except KeyError:
            seen = 0
        counts[word] = seen + 1
    return counts

print(count_words("a b a c b a".split()))
)",
                .after = R"(
def count_words(words):
    counts = {}
    for word in words:
        seen = counts.get(word, 0)
        counts[word] = seen + 1
    return counts

print(count_words("a b a c b a".split()))
)"},
    .fixSafety = R"(
Safe when the dict is a plain `dict` built in the same scope (from `{...}`, a dict comprehension
or `dict(...)`, and bound no other way there) and the default is a constant. Unsafe otherwise: a
`dict` subclass with `__missing__` (such as `collections.defaultdict`) answers `d[k]` for a
missing key but `d.get(k, default)` does not call `__missing__`; another mapping type may lack
`.get()`; a default that is a name or an attribute is evaluated even when the key is present,
where it may be unbound; and in the `if` form a key that is an attribute is evaluated twice
before the fix and once after. Defaults with calls or subscripts are not flagged at all, since
`.get()` would evaluate them on every lookup. No fix when a comment sits inside the statement.
)",
    .measure = {.setup = "words = [str(i % 100) for i in range(n)]", .call = "count_words(words)"},
};

constexpr NodeKind kKinds[] = {NodeKind::TryStatement, NodeKind::IfStatement};

// The block's only statement if it is `name = value` (no annotation), else a null node.
TSNode soleAssignment(TSNode block) {
  std::vector<TSNode> statements = namedChildrenWithoutComments(block);
  if (statements.size() != 1 || nodeType(statements[0]) != "expression_statement") return {};
  if (ts_node_named_child_count(statements[0]) != 1) return {};
  TSNode assignment = ts_node_named_child(statements[0], 0);
  if (nodeType(assignment) != "assignment" || !ts_node_is_null(childByField(assignment, "type")) ||
      nodeType(childByField(assignment, "left")) != "identifier") {
    return {};
  }
  return assignment;
}

// The pieces of a lookup-with-default, as nodes of the statement being checked.
struct LookupWithDefault {
  TSNode target{};         // v
  TSNode lookup{};         // d[k]
  TSNode dict{};           // d
  TSNode key{};            // k
  TSNode fallback{};       // default
  TSNode lastStatement{};  // the statement the replaced text ends with
};

// `v = d[k]` with a simple dict and key; fills target, lookup, dict and key.
bool matchLookup(TSNode assignment, LookupWithDefault& match) {
  TSNode lookup = childByField(assignment, "right");
  if (nodeType(lookup) != "subscript") return false;
  TSNode dict = childByField(lookup, "value");
  if (!isNameOrAttributeChain(dict) || ts_node_named_child_count(lookup) != 2) return false;
  TSNode key = ts_node_named_child(lookup, 1);
  if (!isNameOrAttributeChain(key) && !isHashableLiteral(key)) return false;
  match.target = childByField(assignment, "left");
  match.lookup = lookup;
  match.dict = dict;
  match.key = key;
  return true;
}

// `v = default` to the same name, with a default that `.get()` may evaluate eagerly.
bool matchFallback(TSNode assignment, const Document& document, LookupWithDefault& match) {
  TSNode value = childByField(assignment, "right");
  if (document.text(childByField(assignment, "left")) != document.text(match.target)) return false;
  if (!isConstantValue(value) && !isNameOrAttributeChain(value)) return false;
  match.fallback = value;
  return true;
}

bool matchTryForm(TSNode statement, const Document& document, LookupWithDefault& match) {
  std::vector<TSNode> parts = namedChildrenWithoutComments(statement);
  // The body and exactly one handler: no `else`, no `finally`.
  if (parts.size() != 2 || nodeType(parts[1]) != "except_clause") return false;
  TSNode lookupAssignment = soleAssignment(parts[0]);
  if (ts_node_is_null(lookupAssignment) || !matchLookup(lookupAssignment, match)) return false;
  std::vector<TSNode> handler = namedChildrenWithoutComments(parts[1]);
  if (handler.size() != 2 || nodeType(handler[0]) != "identifier" ||
      document.text(handler[0]) != "KeyError") {
    return false;
  }
  TSNode fallbackAssignment = soleAssignment(handler[1]);
  if (ts_node_is_null(fallbackAssignment) || !matchFallback(fallbackAssignment, document, match)) {
    return false;
  }
  match.lastStatement = fallbackAssignment;
  return true;
}

bool matchIfForm(TSNode statement, const Document& document, LookupWithDefault& match) {
  std::vector<TSNode> parts = namedChildrenWithoutComments(statement);
  // Condition, body and a plain `else:`; no `elif`.
  if (parts.size() != 3 || nodeType(parts[2]) != "else_clause") return false;
  TSNode condition = parts[0];
  if (nodeType(condition) != "comparison_operator" || ts_node_named_child_count(condition) != 2) {
    return false;
  }
  TSNode testedKey = ts_node_named_child(condition, 0);
  TSNode testedDict = ts_node_named_child(condition, 1);
  std::string_view op =
      document.text(ByteRange{ts_node_end_byte(testedKey), ts_node_start_byte(testedDict)});
  while (!op.empty() && (op.front() == ' ' || op.front() == '\t')) op.remove_prefix(1);
  while (!op.empty() && (op.back() == ' ' || op.back() == '\t')) op.remove_suffix(1);
  bool negated = op.starts_with("not") && op.ends_with("in") && op.size() > 5;
  if (op != "in" && !negated) return false;

  // `if k in d: v = d[k] else: v = default`, or the same with `not in` and the branches swapped.
  TSNode lookupAssignment = soleAssignment(negated ? childByField(parts[2], "body") : parts[1]);
  TSNode fallbackAssignment = soleAssignment(negated ? parts[1] : childByField(parts[2], "body"));
  if (ts_node_is_null(lookupAssignment) || ts_node_is_null(fallbackAssignment)) return false;
  if (!matchLookup(lookupAssignment, match) ||
      !matchFallback(fallbackAssignment, document, match)) {
    return false;
  }
  if (document.text(testedKey) != document.text(match.key) ||
      document.text(testedDict) != document.text(match.dict)) {
    return false;
  }
  match.lastStatement = negated ? lookupAssignment : fallbackAssignment;
  return true;
}

// Whether `value` certainly builds a plain dict: a display, a comprehension or `dict(...)` with
// the builtin `dict`.
bool buildsPlainDict(TSNode value, const SemanticModel& model) {
  std::string_view type = nodeType(value);
  if (type == "dictionary" || type == "dictionary_comprehension") return true;
  if (type != "call" || model.document().text(childByField(value, "function")) != "dict") {
    return false;
  }
  const Document& document = model.document();
  for (TSNode use : variablesNamed(document.root(), document.text(), "dict", true)) {
    if (isBindingOccurrence(use)) return false;  // `dict` is not the builtin here
  }
  return true;
}

// Whether the name `dict` is a plain dict wherever `statement` runs: every binding of it in the
// scope is an assignment that builds one, and one comes before the statement.
bool isKnownPlainDict(TSNode dict, TSNode statement, const SemanticModel& model, int32_t function) {
  if (nodeType(dict) != "identifier") return false;
  const Document& document = model.document();
  bool boundBefore = false;
  for (TSNode use :
       variablesNamed(model.scopeNode(function), document.text(), document.text(dict), true)) {
    if (!isBindingOccurrence(use)) continue;
    TSNode assignment = syntax::parentOf(use);
    if (nodeType(assignment) != "assignment" ||
        !ts_node_eq(childByField(assignment, "left"), use) ||
        !buildsPlainDict(childByField(assignment, "right"), model)) {
      return false;
    }
    if (model.siteOf(use).function != function) return false;  // bound in a nested scope
    boundBefore = boundBefore || ts_node_end_byte(assignment) <= ts_node_start_byte(statement);
  }
  return boundBefore;
}

// Whether `dict` was last bound in this scope to a mapping whose `d[k]` never raises KeyError
// (it calls `__missing__`): then the `except` is dead and `.get()` would change the result.
bool hasMissingHook(TSNode dict, TSNode statement, const SemanticModel& model, int32_t function) {
  if (nodeType(dict) != "identifier") return false;
  const Binding* binding =
      model.bindingBefore(model.document().text(dict), function, ts_node_start_byte(statement));
  return binding && binding->shape == ValueShape::Call &&
         (binding->callee == "collections.defaultdict" || binding->callee == "collections.Counter");
}

class TryExceptKeyError final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    // Code that runs once at module level costs nothing worth a hint.
    if (site.function == kModuleScope && site.loopDepth == 0) return;
    const Document& document = model.document();
    TSNode statement = site.node;
    bool tryForm = nodeType(statement) == "try_statement";
    LookupWithDefault match;
    if (tryForm ? !matchTryForm(statement, document, match)
                : !matchIfForm(statement, document, match)) {
      return;
    }
    if (hasMissingHook(match.dict, statement, model, site.function)) return;
    if (model.qualifiedName(match.dict, site.function) == "os.environ") return;
    for (TSNode at = syntax::parentOf(statement); !ts_node_is_null(at); at = syntax::parentOf(at)) {
      std::string_view type = nodeType(at);
      if (type == "except_clause" || type == "except_group_clause") return;  // an error path
      if (type == "function_definition") break;
    }

    std::string message =
        tryForm ? "Dict lookup guarded by `try`/`except KeyError`; a miss raises an exception, "
                  "`.get()` "
                  "with a default does not"
                : "Key looked up twice (`in`, then `[]`); `.get()` with a default looks it up once";
    ByteRange reported =
        tryForm ? rangeOf(match.lookup) : rangeOf(childByField(statement, "condition"));
    ByteRange replaced{ts_node_start_byte(statement), ts_node_end_byte(match.lastStatement)};
    if (model.hasCommentIn(replaced)) {
      sink.report(kInfo, site, reported, std::move(message));
      return;
    }

    // The `if` form evaluates an attribute key twice, `.get()` once.
    bool safe = isConstantValue(match.fallback) &&
                (tryForm || nodeType(match.key) != "attribute") &&
                isKnownPlainDict(match.dict, statement, model, site.function);
    std::string replacement = std::string(document.text(match.target)) + " = " +
                              std::string(document.text(match.dict)) + ".get(" +
                              std::string(document.text(match.key)) + ", " +
                              std::string(document.text(match.fallback)) + ")";
    Fix fix{"Replace with `.get()` and a default",
            safe ? FixSafety::Safe : FixSafety::Unsafe,
            {{replaced, std::move(replacement)}}};
    sink.report(kInfo, site, reported, std::move(message), std::move(fix));
  }
};

}  // namespace

const Rule& ph702TryExceptKeyError() {
  static const TryExceptKeyError rule;
  return rule;
}

}  // namespace perfhint
