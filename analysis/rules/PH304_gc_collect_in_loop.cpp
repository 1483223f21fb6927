// PH304 gc-collect-in-loop: `gc.collect()` called on every pass of a loop, where each call walks
// every container object the program holds.
//
// Loops whose job is to collect are left alone: `while gc.collect(): pass`, and a few deliberate
// rounds such as `for _ in range(3): gc.collect()` (finalizers may free more on a later round).
#include "analysis/rules/rule.h"

#include "analysis/rules/support/name_rebinding.h"  // a module name bound locally
#include "analysis/syntax/node_queries.h"           // binding occurrences

#include <charconv>  // from_chars

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH304",
    .name = "gc-collect-in-loop",
    .summary =
        "`gc.collect()` called on every pass of a loop; each call is a full collection that "
        "visits every container object alive.",
    .severity = Severity::Warning,
    .fix = FixAvailability::None,
    .whySlow = R"(
`gc.collect()` runs a full collection: the collector visits every list, dict, set, instance and
other container the program keeps alive, in all three generations, to find reference cycles.
Its cost grows with the size of the heap, not with the garbage left by one pass of the loop.
Measured on CPython 3.11 (best of several calls): 0.8 ms in a bare interpreter, 19–25 ms with
100,000 small lists alive and about 0.5 s with 1,000,000. A loop that calls it on each of 10,000
items spends 8 s to over an hour collecting. CPython already collects by itself when enough new
containers have been allocated, and objects without cycles are freed by reference counting the
moment their last reference goes, without any collection.
)",
    .useInstead = R"(
Drop the call and let the automatic collector run, or call `gc.collect()` once after the loop,
or every N passes (`if i % 1000 == 0: gc.collect()`) when cycles really build up. To keep the
collector from running at all during a burst of allocations, `gc.disable()` before the loop and
`gc.enable()` after it.
)",
    .example = {.before = R"(
import gc


def build(n):
    rows = []
    for i in range(n):
        rows.append({"id": i})
        gc.collect()
    return rows


print(len(build(50)))
)",
                .after = R"(
import gc


def build(n):
    rows = []
    for i in range(n):
        rows.append({"id": i})
    gc.collect()
    return rows


print(len(build(50)))
)"},
    .fixSafety = R"(
No fix: how often to collect, if at all, depends on whether the loop creates reference cycles
and on how much memory may pile up between collections.
)",
    .measure = {.call = "len(build(n))"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// Loops with fewer passes than this, written as `range(<literal>)`, are deliberate rounds.
constexpr long kDeliberateRounds = 10;

// Whether `loop` is `for ... in range(N)` with a small integer literal N.
bool isFewRounds(const LoopInfo& loop, const SemanticModel& model) {
  if (loop.kind != NodeKind::ForStatement) return false;
  TSNode iterable = childByField(loop.node, "right");
  if (nodeType(iterable) != "call" ||
      model.document().text(childByField(iterable, "function")) != "range") {
    return false;
  }
  TSNode arguments = childByField(iterable, "arguments");
  if (ts_node_named_child_count(arguments) != 1) return false;
  TSNode count = ts_node_named_child(arguments, 0);
  if (nodeType(count) != "integer") return false;
  std::string_view digits = model.document().text(count);
  long value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return error == std::errc() && end == digits.data() + digits.size() && value < kDeliberateRounds;
}

// Whether the call is the condition of a `while` loop: collecting until nothing is freed.
bool isWhileCondition(TSNode call, const LoopInfo& loop) {
  if (loop.kind != NodeKind::WhileStatement) return false;
  TSNode condition = childByField(loop.node, "condition");
  return rangeOf(condition).contains(rangeOf(call));
}

class GcCollectInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    TSNode call = site.node;
    TSNode callee = childByField(call, "function");
    if (model.qualifiedName(callee, site.function) != "gc.collect" ||
        rootShadowedLocally(callee, site, model)) {
      return;
    }
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    if (isWhileCondition(call, loop) || isFewRounds(loop, model)) return;
    sink.report(kInfo, site, rangeOf(call),
                "`gc.collect()` on every pass of a loop runs a full collection each time; call "
                "it once after the loop, every N passes, or not at all");
  }
};

}  // namespace

const Rule& ph304GcCollectInLoop() {
  static const GcCollectInLoop rule;
  return rule;
}

}  // namespace perfhint
