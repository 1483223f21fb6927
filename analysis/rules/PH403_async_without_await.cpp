// PH403 async-without-await: an `async def` that never awaits and loops over computation. It
// cannot let other tasks run: once started, it holds the event loop until it returns.
//
// Left alone: functions that await, iterate or enter asynchronously anywhere in their own body
// (nested functions do not count), async generators, functions without a `for` or `while`
// (trivial bodies that implement an async interface) or whose loops run over a short literal
// list or `range(N)` with N below 100, loops that call anything not known to
// only compute (see onlyComputes), dunder methods (`__aenter__`, `__anext__`: the protocol wants
// a coroutine), and every method of a class with a base other than `object`: the base may declare
// the method async and callers may await it, so an override must stay a coroutine.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/computation_only.h"  // loops that only compute
#include "analysis/rules/support/loop_item.h"         // short loops
#include "analysis/syntax/node_queries.h"             // tree walks
#include "analysis/syntax/parent_index.h"             // the class around a method

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH403",
    .name = "async-without-await",
    .summary =
        "`async def` that never awaits but loops over computation: it blocks the event loop "
        "until it returns, and `async` buys no concurrency.",
    .severity = Severity::Info,
    .fix = FixAvailability::None,
    .whySlow = R"(
An event loop runs one task at a time and switches only where a task awaits. A coroutine
without `await`, `async for` or `async with` never gives the loop back: every other task, timer
and connection waits until it returns, and coroutines of this kind run one after the other
however they are gathered. Measured on CPython 3.11: four such coroutines, each a loop of
1,000,000 additions, gathered with a task that sleeps 1 ms in a loop: the sleeping task waited
470-550 ms at once; the same work sent to a `ProcessPoolExecutor` with `run_in_executor` left
it waiting 24-45 ms at most. Flagged only when the loops call nothing but builtins, `math` and
the like, container and string methods, or module functions that do the same; overrides in
classes with a base, dunder methods, and functions without loops or with only loops over a short
literal list are left alone.
)",
    .useInstead = R"(
A plain `def` when callers can call it directly. When it must stay a coroutine (a framework
handler), move the loop into a plain function and run it in a process pool:
`await loop.run_in_executor(pool, work, data)` with a `concurrent.futures.ProcessPoolExecutor`,
so the event loop keeps serving other tasks and the work can use other cores.
)",
    .example = {.before = R"(
import asyncio


async def checksum(data):
    total = 0
    for value in data:
        total = (total * 31 + value) % 1000003
    return total


async def main():
    print(await checksum(range(100000)))


asyncio.run(main())
)",
                .after = R"(
import asyncio


def checksum(data):
    total = 0
    for value in data:
        total = (total * 31 + value) % 1000003
    return total


async def main():
    print(checksum(range(100000)))


asyncio.run(main())
)"},
    .fixSafety = R"(
No fix: every caller awaits the coroutine, and a framework may require a coroutine; whether to
drop `async` or move the work to an executor is a choice about the callers.
)",
};

constexpr NodeKind kKinds[] = {NodeKind::FunctionDefinition};

// Whether `region` awaits, iterates or enters asynchronously, or yields (an async generator),
// outside nested functions and classes.
bool suspendsOrYields(TSNode region) {
  bool found = false;
  syntax::TreeCursor cursor(region);
  while (!found) {
    TSNode node = cursor.node();
    std::string_view type = nodeType(node);
    bool nestedScope =
        !ts_node_eq(node, region) &&
        (type == "function_definition" || type == "lambda" || type == "class_definition");
    // `async for` and `async with` statements and clauses start with the `async` keyword.
    found = type == "await" || type == "yield" || type == "async";
    if (!found && !nestedScope && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || ts_node_eq(cursor.node(), region)) return found;
    }
  }
  return found;
}

// Whether the def is a method of a class with a base other than `object`.
bool overridesMaybe(TSNode definition, const Document& document) {
  TSNode at = syntax::parentOf(definition);
  if (nodeType(at) == "decorated_definition") at = syntax::parentOf(at);
  if (nodeType(at) != "block") return false;
  TSNode owner = syntax::parentOf(at);
  if (nodeType(owner) != "class_definition") return false;
  TSNode bases = childByField(owner, "superclasses");
  if (ts_node_is_null(bases)) return false;
  bool hasBase = false;
  forEachNamedChild(bases, [&](TSNode base) {
    if (nodeType(base) != "comment" && document.text(base) != "object") hasBase = true;
  });
  return hasBase;
}

// Whether every outermost `for`/`while` in `body` (nested functions left out) only computes.
bool loopsOnlyCompute(TSNode body, const SemanticModel& model, int32_t function) {
  bool computes = true;
  syntax::TreeCursor cursor(body);
  while (computes) {
    TSNode node = cursor.node();
    std::string_view type = nodeType(node);
    bool loop = type == "for_statement" || type == "while_statement";
    bool nestedScope =
        type == "function_definition" || type == "lambda" || type == "class_definition";
    if (loop) computes = onlyComputes(node, model, function);
    if (!loop && !nestedScope && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || ts_node_eq(cursor.node(), body)) return computes;
    }
  }
  return computes;
}

// Whether a `for` or `while` in `body` (nested functions left out) may turn more than a handful
// of times: a loop over a short literal list holds the event loop for microseconds.
bool hasLongLoop(TSNode body, const Document& document) {
  bool found = false;
  syntax::TreeCursor cursor(body);
  while (!found) {
    TSNode node = cursor.node();
    std::string_view type = nodeType(node);
    found = (type == "for_statement" || type == "while_statement") && !runsFewTimes(node, document);
    bool nestedScope =
        type == "function_definition" || type == "lambda" || type == "class_definition";
    if (!found && !nestedScope && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || ts_node_eq(cursor.node(), body)) return found;
    }
  }
  return found;
}

class AsyncWithoutAwait final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    TSNode definition = site.node;
    if (nodeType(ts_node_child(definition, 0)) != "async") return;
    const Document& document = model.document();
    TSNode nameNode = childByField(definition, "name");
    std::string_view name = document.text(nameNode);
    if (name.starts_with("__") && name.ends_with("__")) return;
    TSNode body = childByField(definition, "body");
    if (suspendsOrYields(body) || !hasLongLoop(body, document)) return;
    if (overridesMaybe(definition, document)) return;
    int32_t function = model.siteOf(body).function;
    if (function == kModuleScope || !loopsOnlyCompute(body, model, function)) return;
    sink.report(kInfo, site, rangeOf(nameNode),
                "`async def " + std::string(name) +
                    "` never awaits and loops over computation, blocking the event loop until "
                    "it returns; make it a plain function or run it in a ProcessPoolExecutor");
  }
};

}  // namespace

const Rule& ph403AsyncWithoutAwait() {
  static const AsyncWithoutAwait rule;
  return rule;
}

}  // namespace perfhint
