// PH407 threads-for-cpu-work: several threads started on a module function that only computes
// (`pool.map(work, items)` on a ThreadPoolExecutor, `pool.submit(work, x)` or
// `threading.Thread(target=work)` in a loop). Under the interpreter lock such threads take turns,
// so the pool adds no speed.
//
// The function must be a plain `def` at the top of the module with a loop, and everything it
// calls must be known to only compute (see onlyComputes): a call that might wait on I/O, a lock
// or a C extension that releases the lock (NumPy, hashlib, zlib) makes threads worthwhile, so it
// is left alone. A single `submit` or `Thread` outside a loop is left alone too: one background
// thread is usually there to keep the caller responsive, not to add speed.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/bound_callee.h"      // executors bound to names
#include "analysis/rules/support/computation_only.h"  // functions that only compute
#include "analysis/rules/support/name_list.h"         // fixed lists of names
#include "analysis/rules/support/name_rebinding.h"    // names bound locally
#include "analysis/syntax/node_queries.h"             // arguments

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH407",
    .name = "threads-for-cpu-work",
    .summary =
        "Threads started on a function that only computes; the interpreter lock lets one run at "
        "a time, so processes are needed to use several cores.",
    .severity = Severity::Info,
    .fix = FixAvailability::None,
    .whySlow = R"(
CPython runs Python code in one thread at a time: a thread holds the interpreter lock while it
executes bytecode and lets it go only around blocking calls (I/O, sleeps, locks) and in some C
code. Threads that only compute therefore take turns and finish no sooner than one thread doing
all the work, plus the cost of switching. Measured on CPython 3.11 on a 2-core machine busy
with other jobs, four calls of a loop of 1,000,000 multiplications (best of 5): one after
another 0.89 s, in a `ThreadPoolExecutor(4)` 0.83 s, in a `ProcessPoolExecutor(4)` 0.66 s.
Threads gain nothing; processes run in parallel, up to the number of free cores. Flagged only
when the function is a plain module function with a loop that calls nothing but builtins,
`math` and the like, container and string methods, or module functions that do the same.
)",
    .useInstead = R"(
`concurrent.futures.ProcessPoolExecutor` (same `submit`/`map` interface) or
`multiprocessing.Pool`. Arguments and results are pickled to and from the worker processes, so
give each task a sizeable piece of work, and guard the start with `if __name__ == "__main__":`
where processes are spawned (Windows, macOS). For array work, NumPy releases the lock and keeps
threads useful.
)",
    .example = {.before = R"(
from concurrent.futures import ThreadPoolExecutor


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            count += 1
    return count


def run(limits):
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(count_primes, limits))


if __name__ == "__main__":
    print(run([5000, 6000, 7000, 8000]))
)",
                .after = R"(
from concurrent.futures import ProcessPoolExecutor


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, int(n**0.5) + 1)):
            count += 1
    return count


def run(limits):
    with ProcessPoolExecutor(max_workers=4) as pool:
        return list(pool.map(count_primes, limits))


if __name__ == "__main__":
    print(run([5000, 6000, 7000, 8000]))
)"},
    .fixSafety = R"(
No fix: a process pool pickles the function, its arguments and its results, does not share
global state with the caller, and needs a `__main__` guard where processes are spawned.
)",
    .measure = {.setup = "limits = [20 * n] * 4", .call = "run(limits)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

constexpr std::string_view kThreadPools[] = {
    "concurrent.futures.ThreadPoolExecutor",
    "concurrent.futures.thread.ThreadPoolExecutor",
    "multiprocessing.pool.ThreadPool",
    "multiprocessing.dummy.Pool",
};

// Whether `object` is a thread pool: `ThreadPoolExecutor(...)` itself, or a name bound to one.
bool isThreadPool(TSNode object, TSNode use, const Site& site, const SemanticModel& model) {
  if (nodeType(object) == "call") {
    return isOneOf(kThreadPools,
                   model.qualifiedName(childByField(object, "function"), site.function));
  }
  if (nodeType(object) != "identifier") return false;
  return isOneOf(kThreadPools, boundCallee(use, model.document().text(object), site, model));
}

// The function a thread runs: the first argument of `submit`/`map`, or `target=` of Thread;
// `how` gets the callee's text. Null when the call starts no threads, or starts one outside a
// loop.
TSNode threadedFunction(const Site& site, const SemanticModel& model, std::string_view& how) {
  const Document& document = model.document();
  TSNode call = site.node;
  TSNode callee = childByField(call, "function");
  TSNode arguments = childByField(call, "arguments");
  if (nodeType(arguments) != "argument_list") return {};
  // Cheap tests first: resolving builds a string, and few calls are `X.Thread` or an imported
  // name.
  bool maybeThread = nodeType(callee) == "attribute"
                         ? document.text(childByField(callee, "attribute")) == "Thread"
                         : model.resolveImport(document.text(callee), site.function) != nullptr;
  if (maybeThread && model.qualifiedName(callee, site.function) == "threading.Thread") {
    if (site.loop == kNoLoop || rootShadowedLocally(callee, site, model)) return {};
    how = document.text(callee);
    TSNode target = keywordArgumentValue(arguments, document.text(), "target");
    return nodeType(target) == "identifier" ? target : TSNode{};
  }
  if (nodeType(callee) != "attribute") return {};
  std::string_view method = document.text(childByField(callee, "attribute"));
  bool fansOut = method == "map" || method == "imap" || method == "imap_unordered";
  if (!fansOut && !(method == "submit" || method == "apply_async")) return {};
  if (!fansOut && site.loop == kNoLoop) return {};
  if (!isThreadPool(childByField(callee, "object"), call, site, model)) return {};
  how = document.text(callee);
  TSNode first = ts_node_named_child(arguments, 0);
  return nodeType(first) == "identifier" ? first : TSNode{};
}

class ThreadsForCpuWork final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    std::string_view how;
    TSNode target = threadedFunction(site, model, how);
    if (ts_node_is_null(target)) return;
    std::string_view name = model.document().text(target);
    if (model.resolveImport(name, site.function) || rootShadowedLocally(target, site, model))
      return;
    int32_t function = moduleFunctionNamed(name, model);
    if (function < 0) return;
    const FunctionInfo& work = model.functions()[static_cast<size_t>(function)];
    TSNode body = childByField(work.node, "body");
    if (work.isAsync || !containsLoopStatement(body) || !onlyComputes(body, model, function))
      return;
    // Appended piece by piece: GCC 12 warns wrongly (-Wrestrict) on a chain of `+`.
    std::string message = "`";
    message.append(how)
        .append("` runs `")
        .append(name)
        .append(
            "` in threads, but it only computes: the interpreter lock lets one thread run at a "
            "time; use ProcessPoolExecutor or multiprocessing.Pool");
    sink.report(kInfo, site, rangeOf(site.node), std::move(message));
  }
};

}  // namespace

const Rule& ph407ThreadsForCpuWork() {
  static const ThreadsForCpuWork rule;
  return rule;
}

}  // namespace perfhint
