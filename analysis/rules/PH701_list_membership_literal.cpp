// PH701 list-membership-literal: `x in [a, b, c]` with constant items, inside a loop.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // literal checks

namespace perfhint {
namespace {

using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH701",
    .name = "list-membership-literal",
    .summary =
        "Membership test against a list or tuple of constants inside a loop; a set literal "
        "answers in constant time.",
    .severity = Severity::Info,
    .fix = FixAvailability::Always,
    .whySlow = R"(
`x in [a, b, c]` compares `x` with each item in turn until one is equal, so a miss costs one
comparison per item. Python already turns the constant list into a tuple, but the search stays
linear. A set literal of constants is built once, when the code is compiled, and a lookup hashes
`x` once. Measured on CPython 3.11 with string items: a miss costs 37 ns against 13 ns with 3 items
and 83 ns against 13 ns with 8 items; a hit on the first item is as fast either way. Only tests
inside a loop or comprehension are flagged: a single test saves some 20 ns, which matters only when
it repeats. Tests of a value named `o`, `opt` or `option` are left alone: option parsing loops turn
a handful of times.
)",
    .useInstead = R"(
A set literal: `x in {a, b, c}`.
)",
    .example = {.before = R"(
def weekend(days):
    return [day for day in days if day in ["sat", "sun"]]


print(weekend(["mon", "sat", "sun", "tue"] * 3))
)",
                .after = R"(
def weekend(days):
    return [day for day in days if day in {"sat", "sun"}]


print(weekend(["mon", "sat", "sun", "tue"] * 3))
)"},
    .fixSafety = R"(
Unsafe: a set needs `x` to be hashable, so an unhashable `x` (a list, a dict) that the list test
accepted raises `TypeError` after the fix, and an object whose `__eq__` matches items it does not
hash like can change the answer.
)",
    .measure = {.setup = "days = [\"mon\", \"sat\", \"sun\", \"tue\"] * (n // 4 + 1)",
                .call = "weekend(days)"},
};

constexpr NodeKind kKinds[] = {NodeKind::ComparisonOperator};

class ListMembershipLiteral final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    // Outside a loop one test saves some 20 ns: no program notices, and most such tests are
    // option parsing or error checks that run once.
    if (site.loopDepth == 0) return;
    TSNode comparison = site.node;
    // Only the two-operand form `x in seq` / `x not in seq`.
    if (ts_node_named_child_count(comparison) != 2) return;
    TSNode container = ts_node_named_child(comparison, 1);
    std::string_view op = model.document().text(ByteRange{
        ts_node_end_byte(ts_node_named_child(comparison, 0)), ts_node_start_byte(container)});
    if (op.find("in") == std::string_view::npos) return;
    // Option dispatch (`for o, a in opts: if o in ("-h", "--help")`) runs once per command-line
    // or config option: a handful of passes, where a set gains nothing.
    std::string_view tested = model.document().text(ts_node_named_child(comparison, 0));
    if (tested == "o" || tested == "opt" || tested == "option") return;

    std::string_view type = nodeType(container);
    if (type != "list" && type != "tuple") return;
    uint32_t items = 0;
    bool literal = true;
    forEachNamedChild(container, [&](TSNode item) {
      ++items;
      literal = literal && isHashableLiteral(item);
    });
    if (items < 2 || !literal) return;

    ByteRange range = rangeOf(container);
    Fix fix{"Use a set literal",
            FixSafety::Unsafe,
            {{{range.start, range.start + 1}, "{"}, {{range.end - 1, range.end}, "}"}}};
    sink.report(kInfo, site, range,
                std::string("Membership test against a ") + (type == "list" ? "list" : "tuple") +
                    " of constants; use a set literal",
                std::move(fix));
  }
};

}  // namespace

const Rule& ph701ListMembershipLiteral() {
  static const ListMembershipLiteral rule;
  return rule;
}

}  // namespace perfhint
