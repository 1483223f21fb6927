// PH402 coroutine-not-awaited: a call of an `async def` of this file whose coroutine nobody
// awaits, so its body never runs; and `asyncio.create_task(...)` whose task is dropped, so the
// event loop may lose it before it finishes.
//
// A coroutine that is awaited, returned, passed to a function (`gather`, `create_task`,
// `asyncio.run`), stored in a container or assigned to a name used later is left alone: someone
// else may await it.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/coroutine_functions.h"  // which async def a call runs
#include "analysis/rules/support/name_rebinding.h"       // `asyncio` bound locally
#include "analysis/syntax/node_queries.h"                // deferred code, variable uses

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH402",
    .name = "coroutine-not-awaited",
    .summary =
        "An `async def` called without `await` (its body never runs), or a task from "
        "`asyncio.create_task` dropped (it can be garbage-collected before it finishes).",
    .severity = Severity::Warning,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
This is a correctness rule as much as a performance one. Calling an `async def` only creates a
coroutine object; none of its body runs until something awaits it or schedules it as a task.
Without that, the work is silently skipped (Python prints "coroutine ... was never awaited" when
the object is collected), and the caller looks fast because it did nothing: measured on CPython
3.11, creating and dropping the coroutine costs 6 µs (mostly that warning), whatever the body
would have cost. A task made with `asyncio.create_task` does run, but the event loop keeps only a
weak reference to it: if the program drops the returned task, the garbage collector may destroy
it mid-flight, and its exceptions are never seen.
)",
    .useInstead = R"(
`await fetch()` to run it now; `asyncio.gather(...)` or a `TaskGroup` to run several at once;
for background work, keep the task: `task = asyncio.create_task(job())`, stored in a set
(`tasks.add(task)`, `task.add_done_callback(tasks.discard)`) until it finishes.
)",
    .example = {.before = R"(
import asyncio

sent = []


async def send(message):
    await asyncio.sleep(0.01)
    sent.append(message)


async def main():
    send("hello")
    print("done")


asyncio.run(main())
)",
                .after = R"(
import asyncio

sent = []


async def send(message):
    await asyncio.sleep(0.01)
    sent.append(message)


async def main():
    await send("hello")
    print("done")


asyncio.run(main())
)",
                // The unawaited coroutine's warning goes to stderr, which the example test
                // compares along with the output.
                .harness = "import warnings\nwarnings.simplefilter('ignore', RuntimeWarning)\n"},
    .fixSafety = R"(
Unsafe: `await` is added in front of a call on a line of its own (or assigned to a name nothing
reads) inside `async def`; the body now runs, which is the point but changes what the program
does, and the caller now waits for it. No fix outside `async def`, where `await` is not allowed,
and none for dropped tasks: where to keep the reference is a design choice.
)",
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

// Whether the variable bound at `target` is read anywhere in `scope` (nested functions too).
bool isReadIn(TSNode scope, TSNode target, const Document& document) {
  for (TSNode use : variablesNamed(scope, document.text(), document.text(target), true)) {
    if (!isBindingOccurrence(use)) return true;
  }
  return false;
}

// Whether the value of `call` is thrown away: a statement of its own, or assigned to a plain
// name that nothing reads.
bool valueIsDropped(TSNode call, TSNode scope, const Document& document) {
  TSNode parent = syntax::parentOf(call);
  if (nodeType(parent) == "expression_statement") return ts_node_named_child_count(parent) == 1;
  if (nodeType(parent) != "assignment" || !ts_node_eq(childByField(parent, "right"), call)) {
    return false;
  }
  TSNode target = childByField(parent, "left");
  return nodeType(target) == "identifier" &&
         nodeType(syntax::parentOf(parent)) == "expression_statement" &&
         !isReadIn(scope, target, document);
}

bool isTaskFactory(TSNode call, const Site& site, const SemanticModel& model) {
  TSNode callee = childByField(call, "function");
  if (!rootShadowedLocally(callee, site, model)) {
    std::string name = model.qualifiedName(callee, site.function);
    if (name == "asyncio.create_task" || name == "asyncio.ensure_future") return true;
  }
  // `loop.create_task(...)` on a loop obtained from asyncio.
  if (nodeType(callee) != "attribute" ||
      model.document().text(childByField(callee, "attribute")) != "create_task") {
    return false;
  }
  TSNode object = childByField(callee, "object");
  if (nodeType(object) != "identifier") return false;
  const Binding* binding =
      model.bindingBefore(model.document().text(object), site.function, ts_node_start_byte(call));
  return binding && (binding->callee == "asyncio.get_event_loop" ||
                     binding->callee == "asyncio.get_running_loop" ||
                     binding->callee == "asyncio.new_event_loop");
}

class CoroutineNotAwaited final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    TSNode call = site.node;
    const Document& document = model.document();
    TSNode scope = model.scopeNode(site.function);
    TSNode parent = syntax::parentOf(call);
    // A dropped task: only a statement of its own; a name bound to it keeps the reference.
    if (nodeType(parent) == "expression_statement" && ts_node_named_child_count(parent) == 1 &&
        isTaskFactory(call, site, model)) {
      std::string message = "The task `";
      message.append(document.text(childByField(call, "function")))
          .append(
              "()` returns is dropped: the event loop holds tasks weakly, so it can be "
              "garbage-collected before it finishes; keep a reference until it is done");
      sink.report(kInfo, site, rangeOf(call), std::move(message));
      return;
    }
    if (!valueIsDropped(call, scope, document)) return;
    const FunctionInfo* coroutine = calledCoroutineFunction(call, site, model);
    if (!coroutine) return;

    std::string callee(document.text(childByField(call, "function")));
    std::optional<Fix> fix;
    // A dropped value is a statement of the function itself (or of a class body in it, where
    // `await` is not allowed), so `await` is allowed when the function is `async def`.
    bool canAwait = model.isAsync(site.function) && !inClassBody(call);
    if (canAwait) {
      uint32_t start = ts_node_start_byte(call);
      fix = Fix{"Await the coroutine", FixSafety::Unsafe, {{{start, start}, "await "}}};
    }
    std::string message = "`";
    message.append(callee).append("()` is an `async def`: calling it without `await` ");
    message += canAwait ? "creates a coroutine that never runs; add `await`"
                        : "creates a coroutine that never runs; await it from `async def`, or "
                          "run it with `asyncio.run()`";
    sink.report(kInfo, site, rangeOf(call), std::move(message), std::move(fix));
  }
};

}  // namespace

const Rule& ph402CoroutineNotAwaited() {
  static const CoroutineNotAwaited rule;
  return rule;
}

}  // namespace perfhint
