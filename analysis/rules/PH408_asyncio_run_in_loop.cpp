// PH408 asyncio-run-in-loop: `asyncio.run(...)` on every pass of a `for` loop or comprehension.
// Each call creates an event loop, runs one coroutine and tears the loop down again.
//
// `while` loops are left alone: they are usually restart or polling loops that wait far longer
// between passes than an event loop costs to create.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/name_rebinding.h"  // a module name bound locally
#include "analysis/syntax/node_queries.h"           // deferred code

namespace perfhint {
namespace {

using syntax::childByField;

constexpr RuleInfo kInfo{
    .code = "PH408",
    .name = "asyncio-run-in-loop",
    .summary =
        "`asyncio.run()` called on every pass of a loop; each call builds and closes a new "
        "event loop, and the coroutines run one at a time.",
    .severity = Severity::Info,
    .fix = FixAvailability::None,
    .whySlow = R"(
`asyncio.run` creates a new event loop, runs the coroutine, cancels what is left, shuts down the
default executor and closes the loop. Called once per item, that set-up and tear-down is paid
per item, and the coroutines cannot overlap their waits because each loop runs only one.
Measured on CPython 3.11: 100 calls of `asyncio.run` on a coroutine that awaits
`asyncio.sleep(0)` took 32-35 ms (about 0.33 ms per call); one `asyncio.run` that gathers the 100
coroutines took 1.9 ms, and one that awaits them one after another 1.1-1.3 ms. Only `for` loops
and comprehensions are flagged; `while` loops are mostly restart or polling loops.
)",
    .useInstead = R"(
One event loop for the whole batch: an `async def main(items)` that awaits
`asyncio.gather(*(work(x) for x in items))` (or a `TaskGroup`, Python 3.11+), started once with
`asyncio.run(main(items))`. Results of `gather` come back in input order.
)",
    .example = {.before = R"(
import asyncio


async def double(x):
    await asyncio.sleep(0)
    return x * 2


def run_all(items):
    return [asyncio.run(double(x)) for x in items]


print(sum(run_all(range(200))))
)",
                .after = R"(
import asyncio


async def double(x):
    await asyncio.sleep(0)
    return x * 2


async def double_all(items):
    return await asyncio.gather(*(double(x) for x in items))


def run_all(items):
    return asyncio.run(double_all(items))


print(sum(run_all(range(200))))
)"},
    .fixSafety = R"(
No fix: gathered coroutines run concurrently, so their side effects may interleave and one
failure cancels none of the others unless asked; a coroutine that relies on a fresh event loop
(loop-bound objects, context variables) may need changes.
)",
    .measure = {.setup = "items = list(range(n))", .call = "run_all(items)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

class AsyncioRunInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop) return;
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    TSNode call = site.node;
    if (loop.kind == NodeKind::WhileStatement || inDeferredCode(call, loop.node)) return;
    TSNode callee = childByField(call, "function");
    if (model.qualifiedName(callee, site.function) != "asyncio.run" ||
        rootShadowedLocally(callee, site, model)) {
      return;
    }
    sink.report(kInfo, site, rangeOf(call),
                "`asyncio.run()` on every pass of a loop creates and closes an event loop each "
                "time; run one `asyncio.run(main())` that gathers the coroutines");
  }
};

}  // namespace

const Rule& ph408AsyncioRunInLoop() {
  static const AsyncioRunInLoop rule;
  return rule;
}

}  // namespace perfhint
