// PH404 busy-wait: a `while` loop that only re-tests a condition (`while not done: pass`,
// `while True: if ready(): break`) with nothing in its body that blocks, sleeps or does work.
//
// The loop must be made of nothing but `pass`, `continue`, `...` and `if <test>: break`, and
// every test may only read names and attributes and call functions that check a state without
// changing it (`is_set()`, `poll()`, `empty()`, `os.path.exists()`, clocks, `is_*`/`has_*`
// helpers). A loop that reads, pops, consumes an iterator or waits in its test does real work per
// pass and is left alone.
#include "analysis/rules/rule.h"

#include "analysis/syntax/node_queries.h"  // statements of the body

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH404",
    .name = "busy-wait",
    .summary =
        "A `while` loop that only re-tests a condition, with no wait, sleep or work in its "
        "body; it spins a CPU core and slows the thread that should change the condition.",
    .severity = Severity::Warning,
    .fix = FixAvailability::None,
    .whySlow = R"(
The loop tests its condition millions of times a second and keeps a core busy doing it. Worse,
in CPython only one thread runs Python code at a time: the spinning thread competes for that
lock with the thread whose work would end the wait. Measured on CPython 3.11 with the example
below: a worker thread summing 1,000,000 numbers in a Python loop finishes in 220 ms while the
main thread spins on a flag, against 100 ms while it waits on a `threading.Event` (3,000,000:
640 ms against 300 ms). Inside `async def` it is worse still: the loop never
gives the event loop a turn, so a task that would set the condition never runs and the program
hangs.
)",
    .useInstead = R"(
Block until the condition changes: `event.wait()` on a `threading.Event` the other side sets,
`queue.get()` to wait for an item, `thread.join()` or `process.wait()` to wait for an end. In
`async def`, an `asyncio.Event` (`await event.wait()`) or an `asyncio.Queue`. When the state
can only be polled, sleep between tests (`time.sleep(0.05)`, `await asyncio.sleep(0.05)`).
)",
    .example = {.before = R"(
import threading


def total_in_background(size):
    result = []
    finished = False

    def worker():
        nonlocal finished
        total = 0
        for i in range(size):
            total += i
        result.append(total)
        finished = True

    threading.Thread(target=worker).start()
    while not finished:
        pass
    return result[0]


print(total_in_background(100_000))
)",
                .after = R"(
import threading


def total_in_background(size):
    result = []
    finished = threading.Event()

    def worker():
        total = 0
        for i in range(size):
            total += i
        result.append(total)
        finished.set()

    threading.Thread(target=worker).start()
    finished.wait()
    return result[0]


print(total_in_background(100_000))
)"},
    .fixSafety = R"(
No fix: the waiting side and the side that ends the wait must change together (an `Event` set
where a flag was assigned, a queue where a list was filled).
)",
    .measure = {.setup = "size = 10_000 * n", .call = "total_in_background(size)"},
};

constexpr NodeKind kKinds[] = {NodeKind::WhileStatement};

// Functions and methods that look at a state without waiting for it or changing it.
constexpr std::string_view kCheckCalls[] = {
    "is_set",   "isSet", "is_alive",  "isAlive",      "done",    "cancelled",    "poll",
    "empty",    "full",  "qsize",     "locked",       "exists",  "isfile",       "isdir",
    "getmtime", "time",  "monotonic", "perf_counter", "time_ns", "monotonic_ns", "perf_counter_ns",
    "ready",
};

// Whether the called name only checks a state: a known check or an `is_`, `has_` or `check`
// helper (leading underscores aside).
bool isCheckCall(std::string_view name) {
  while (name.starts_with('_')) name.remove_prefix(1);
  for (std::string_view check : kCheckCalls) {
    if (name == check) return true;
  }
  return name.starts_with("is_") || name.starts_with("has_") || name.starts_with("check");
}

// Whether evaluating `test` only reads: names, attributes, constants, operators, and calls of
// check functions with such arguments.
bool isPollTest(TSNode test, const Document& document) {
  bool reads = true;
  forEachNode(test, [&](TSNode node) {
    if (!reads) return;
    std::string_view type = nodeType(node);
    if (type == "await" || type == "yield" || type == "named_expression" || type == "lambda" ||
        type == "subscript" || type == "list_comprehension" || type == "generator_expression") {
      reads = false;
    } else if (type == "call") {
      TSNode callee = childByField(node, "function");
      if (nodeType(callee) == "attribute") callee = childByField(callee, "attribute");
      if (nodeType(callee) != "identifier" || !isCheckCall(document.text(callee))) reads = false;
    }
  });
  return reads;
}

// Whether the test is the constant `True` (or `1`): nothing to poll there.
bool isAlwaysTrue(TSNode test, const Document& document) {
  std::string_view text = document.text(test);
  return text == "True" || text == "1";
}

// Whether a block holds only `break` (and `pass`).
bool onlyBreaks(TSNode block) {
  bool breaks = false;
  for (TSNode statement : namedChildrenWithoutComments(block)) {
    std::string_view type = nodeType(statement);
    if (type == "break_statement") {
      breaks = true;
    } else if (type != "pass_statement") {
      return false;
    }
  }
  return breaks;
}

// Whether a statement of the loop body does nothing: `pass`, `continue` or `...`.
bool isIdle(TSNode statement) {
  std::string_view type = nodeType(statement);
  if (type == "pass_statement" || type == "continue_statement") return true;
  return type == "expression_statement" && ts_node_named_child_count(statement) == 1 &&
         nodeType(ts_node_named_child(statement, 0)) == "ellipsis";
}

// The tests the loop polls (its condition unless constant, and each `if <test>: break`), or
// nothing when the body does anything else.
std::vector<TSNode> polledTests(TSNode loop, const Document& document) {
  std::vector<TSNode> tests;
  TSNode condition = childByField(loop, "condition");
  if (!isAlwaysTrue(condition, document)) tests.push_back(condition);
  for (TSNode statement : namedChildrenWithoutComments(childByField(loop, "body"))) {
    if (isIdle(statement)) continue;
    if (nodeType(statement) != "if_statement" ||
        ts_node_named_child_count(statement) != 2 ||  // no elif or else
        !onlyBreaks(childByField(statement, "consequence"))) {
      return {};
    }
    tests.push_back(childByField(statement, "condition"));
  }
  return tests;
}

class BusyWait final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    const Document& document = model.document();
    TSNode loop = site.node;
    // `while ...: ... else:` is rare in a wait and the else changes the flow.
    if (!ts_node_is_null(childByField(loop, "alternative"))) return;
    std::vector<TSNode> tests = polledTests(loop, document);
    if (tests.empty()) return;
    for (TSNode test : tests) {
      if (!isPollTest(test, document)) return;
    }
    TSNode condition = childByField(loop, "condition");
    ByteRange range{ts_node_start_byte(loop), ts_node_end_byte(condition)};
    if (model.isAsync(site.function)) {
      sink.report(kInfo, site, range,
                  "Busy wait in `async def`: the loop re-tests its condition without awaiting, "
                  "so no other task runs until it ends; await an `asyncio.Event` instead");
    } else {
      sink.report(kInfo, site, range,
                  "Busy wait: the loop re-tests its condition without blocking and spins a CPU "
                  "core; wait on a `threading.Event` or a queue, or sleep between tests");
    }
  }
};

}  // namespace

const Rule& ph404BusyWait() {
  static const BusyWait rule;
  return rule;
}

}  // namespace perfhint
