// PH106 membership-in-list-in-loop: `x in names` inside a loop, where `names` is a list built
// before the loop and left unchanged by it; a set built once answers each test in constant time.
//
// Flagged (at the comparison) when the right operand is a plain name whose last binding before
// the loop, in the same scope, is a list display of at least eight items (or with a `*` splat), a
// list comprehension, or `list(...)` / `sorted(...)`, and the loop neither rebinds the name nor
// does anything with it that could change the list (see mayChangeVariableIn).
// Not flagged: lists of lists or dicts (a set cannot hold them), comprehensions over a short
// display, a name bound again between the list and the loop, lists that the loop (or a loop
// around it, or the statement running a comprehension) may change (the `seen` pattern needs a set
// kept beside the list, not one built before the loop), a constant on the left (the answer never
// changes) or a tuple display there (its items may not hash), and lists of constants written in
// the test itself (PH701).
// When the list display has a literal number of items or the loop runs over `range(N)` with a
// literal N, the message says how many comparisons that makes.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // variable uses

#include <optional>
#include <string>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH106",
    .name = "membership-in-list-in-loop",
    .summary =
        "Membership test against a list, repeated in a loop that does not change it; a set "
        "built once before the loop answers each test in constant time.",
    .severity = Severity::Info,
    .fix = FixAvailability::None,
    .whySlow = R"(
`x in names` compares `x` with the list's items one by one until one is equal, so a loop of `n`
passes testing against a list of `m` items makes up to `n × m` comparisons. A set hashes `x` once
per test: building it costs one pass over the list, after which the loop does `n` lookups.
Measured on CPython 3.11 with integers: a miss in a list of 50 items costs 1.1 µs against 0.06 µs
in a set, and 22 µs against 0.06 µs with 1000 items; building a set of 1000 items takes 44 µs, the
price of two misses in the list.
)",
    .useInstead = R"(
Build a set from the list once, before the loop, and test against the set:
`allowed = set(names)` then `if x in allowed:`. Keep the list when order or duplicates matter
elsewhere.
)",
    .example = {.before = R"(
def known(words, vocabulary):
    allowed = [w.lower() for w in vocabulary]
    return [w for w in words if w in allowed]

print(known(["a", "Be", "c"], ["A", "b"]))
)",
                .after = R"(
def known(words, vocabulary):
    allowed = {w.lower() for w in vocabulary}
    return [w for w in words if w in allowed]

print(known(["a", "Be", "c"], ["A", "b"]))
)"},
    .fixSafety = R"(
No fix: a set needs hashable items and a hashable `x` (a list of lists would raise `TypeError`),
items whose `__eq__` and `__hash__` disagree may answer differently, and the list may still be
needed for its order.
)",
    .measure = {.setup = R"(
words = [str(i) for i in range(n)]
vocabulary = [str(i) for i in range(0, n, 3)]
)",
                .call = "known(words, vocabulary)"},
};

constexpr NodeKind kKinds[] = {NodeKind::ComparisonOperator};
// Fewer items are scanned about as fast as a set is hashed; building the set costs more.
constexpr uint32_t kMinDisplayItems = 8;

bool isUnhashableDisplay(TSNode node) {
  std::string_view type = nodeType(node);
  return type == "list" || type == "dictionary" || type == "set" || type == "list_comprehension" ||
         type == "dictionary_comprehension" || type == "set_comprehension";
}

// Whether a comprehension draws from a short display only: `[f(p) for p in (a, b)]`.
bool overSmallDisplay(TSNode comprehension) {
  uint32_t clauses = 0;
  bool small = false;
  forEachNamedChild(comprehension, [&](TSNode clause) {
    if (nodeType(clause) != "for_in_clause") return;
    ++clauses;
    TSNode source = childByField(clause, "right");
    std::string_view type = nodeType(source);
    small = (type == "tuple" || type == "list" || type == "set") &&
            ts_node_named_child_count(source) < kMinDisplayItems;
  });
  return clauses == 1 && small;
}

// The number of items the list holds when it is a display without splats; 0 when unknown.
// Nothing when the value is no list a set could replace.
std::optional<uint32_t> listSize(const Binding& binding) {
  if (binding.shape == ValueShape::ListDisplay) {
    uint32_t items = 0;
    bool splat = false, unhashable = false;
    forEachNamedChild(binding.value, [&](TSNode item) {
      std::string_view type = nodeType(item);
      if (type == "comment") return;
      ++items;
      splat = splat || type == "list_splat";
      unhashable = unhashable || isUnhashableDisplay(item);
    });
    if (unhashable) return std::nullopt;
    if (splat) return 0;
    if (items < kMinDisplayItems) return std::nullopt;
    return items;
  }
  if (binding.shape == ValueShape::ListComprehension) {
    if (isUnhashableDisplay(childByField(binding.value, "body")) ||
        overSmallDisplay(binding.value)) {
      return std::nullopt;
    }
    return 0;
  }
  if (binding.shape == ValueShape::Call &&
      (binding.callee == "list" || binding.callee == "sorted")) {
    return 0;
  }
  return std::nullopt;
}

// The value of a decimal integer literal, or nothing.
std::optional<uint64_t> integerValue(TSNode node, const Document& document) {
  if (nodeType(node) != "integer") return std::nullopt;
  uint64_t value = 0;
  for (char c : document.text(node)) {
    if (c == '_') continue;
    if (c < '0' || c > '9' || value > 1'000'000'000'000) return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

// How many passes a loop over `range(N)` or `range(A, B)` with literal bounds makes; 0 when
// unknown.
uint64_t literalPassCount(const LoopInfo& loop, const Document& document) {
  TSNode iterable{};
  if (loop.kind == NodeKind::ForStatement) {
    iterable = childByField(loop.node, "right");
  } else if (loop.kind != NodeKind::WhileStatement) {
    // Only a comprehension with one `for`: with more, the test runs a product of passes.
    uint32_t clauses = 0;
    forEachNamedChild(loop.node, [&](TSNode clause) {
      if (nodeType(clause) != "for_in_clause") return;
      if (++clauses == 1) iterable = childByField(clause, "right");
    });
    if (clauses != 1) return 0;
  }
  if (ts_node_is_null(iterable) || nodeType(iterable) != "call" ||
      document.text(childByField(iterable, "function")) != "range") {
    return 0;
  }
  std::vector<TSNode> bounds;
  forEachNamedChild(childByField(iterable, "arguments"), [&](TSNode bound) {
    if (nodeType(bound) != "comment") bounds.push_back(bound);
  });
  if (bounds.size() == 1) return integerValue(bounds[0], document).value_or(0);
  if (bounds.size() != 2) return 0;
  std::optional<uint64_t> from = integerValue(bounds[0], document);
  std::optional<uint64_t> to = integerValue(bounds[1], document);
  return from && to && *to > *from ? *to - *from : 0;
}

// The statement that holds a node.
TSNode enclosingStatement(TSNode node) {
  for (TSNode parent = syntax::parentOf(node); !ts_node_is_null(parent);
       node = parent, parent = syntax::parentOf(parent)) {
    std::string_view type = nodeType(parent);
    if (type == "block" || type == "module") return node;
  }
  return node;
}

// Whether the list may change while the test repeats: in the loop, in the loops around it that
// come after the list was built, or in the statement that runs a comprehension
// (`names.extend(n for n in new if n not in names)`).
bool mayChangeAroundTest(const Site& site, const Binding& binding, const SemanticModel& model,
                         std::string_view name) {
  std::string_view source = model.document().text();
  ByteRange built = rangeOf(binding.statement);
  for (int32_t index = site.loop; index != kNoLoop;
       index = model.loops()[static_cast<size_t>(index)].parent) {
    const LoopInfo& loop = model.loops()[static_cast<size_t>(index)];
    if (rangeOf(loop.node).contains(built)) break;
    if (mayChangeVariableIn(loop.node, source, name)) return true;
    if (loop.kind != NodeKind::ForStatement && loop.kind != NodeKind::WhileStatement &&
        mayChangeVariableIn(enclosingStatement(loop.node), source, name)) {
      return true;
    }
  }
  return false;
}

// Whether the tested value is a constant (the answer is the same on every pass) or a display
// whose hashability is unknown (`(a, b) in pairs` with a list in `b` could not go in a set).
bool isUnsuitableNeedle(TSNode needle) {
  std::string_view type = nodeType(needle);
  return isHashableLiteral(needle) || type == "tuple" || type == "list" || type == "dictionary" ||
         type == "set";
}

// Whether `name` is bound again after the list and before the loop (`for name in ...`).
bool reboundBetween(const Binding& binding, TSNode loop, const SemanticModel& model,
                    std::string_view name) {
  const Document& document = model.document();
  TSNode scope = binding.function == kModuleScope
                     ? document.root()
                     : model.functions()[static_cast<size_t>(binding.function)].node;
  ByteRange between{ts_node_end_byte(binding.statement), ts_node_start_byte(loop)};
  for (TSNode use : referencesToVariable(scope, document.text(), name)) {
    if (between.contains(rangeOf(use)) && isBindingOccurrence(use)) return true;
  }
  return false;
}

std::string sizeNote(uint32_t items, uint64_t passes) {
  if (items && passes) {
    return ": up to " + std::to_string(passes) + " × " + std::to_string(items) + " comparisons";
  }
  if (items) return " (" + std::to_string(items) + " items) on every pass";
  if (passes) return " on each of " + std::to_string(passes) + " passes";
  return " on every pass";
}

class MembershipInListInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    const Document& document = model.document();
    TSNode comparison = site.node;
    if (ts_node_named_child_count(comparison) != 2) return;
    TSNode container = ts_node_named_child(comparison, 1);
    std::string_view op = document.text(ByteRange{
        ts_node_end_byte(ts_node_named_child(comparison, 0)), ts_node_start_byte(container)});
    if (op.find("in") == std::string_view::npos || nodeType(container) != "identifier") return;

    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    std::string_view name = document.text(container);
    const Binding* binding =
        model.bindingBefore(name, site.function, ts_node_start_byte(loop.node));
    if (!binding || rangeOf(loop.node).contains(rangeOf(binding->statement))) return;
    std::optional<uint32_t> items = listSize(*binding);
    if (!items || isUnsuitableNeedle(ts_node_named_child(comparison, 0)) ||
        reboundBetween(*binding, loop.node, model, name) ||
        mayChangeAroundTest(site, *binding, model, name)) {
      return;
    }
    std::string message = "`in` scans the list `";
    message += name;
    message += "` item by item";
    message += sizeNote(*items, literalPassCount(loop, document));
    message += "; build a set from it once before the loop";
    sink.report(kInfo, site, rangeOf(comparison), std::move(message));
  }
};

}  // namespace

const Rule& ph106MembershipInListInLoop() {
  static const MembershipInListInLoop rule;
  return rule;
}

}  // namespace perfhint
