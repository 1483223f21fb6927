// PH405 sequential-awaits-in-loop: `for x in xs: r = await fetch(x)`, where each pass waits for
// its call before the next starts although no pass needs another's result.
//
// Only calls of this file's own `async def` functions and methods, and requests on an aiohttp or
// httpx client the function creates, count (a lock, a queue, a sleep or an event is a wait, not
// independent work), and only when the loop is plain (`async
// for` hands out items as they come), the await is its only one, it stands at the top of the
// body, the call uses the loop variable and nothing else the body assigns, and nothing in the
// body leaves the loop early (`break`, `return`, `raise`) on what a call returned.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/coroutine_functions.h"  // which async def is awaited
#include "analysis/rules/support/with_bindings.h"        // clients opened by `async with`
#include "analysis/syntax/node_queries.h"                // bindings in the body

#include <set>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH405",
    .name = "sequential-awaits-in-loop",
    .summary =
        "A loop that awaits one independent coroutine per item, one after another; "
        "`asyncio.gather` or a `TaskGroup` runs their waits at the same time.",
    .severity = Severity::Hint,
    .fix = FixAvailability::None,
    .whySlow = R"(
An `await` in a loop body suspends the loop until that call is done, so the waits of all the
passes add up even when no pass needs another's result. Started together, the calls wait at the
same time and the loop takes about as long as the slowest one. Measured on CPython 3.11 with
calls that wait 10 ms each (`asyncio.sleep(0.01)` standing for a request): 10 sequential awaits
take 113 ms and 100 take 1.1 s; `asyncio.gather` over the same calls takes 10 ms and 13 ms, a
`TaskGroup` 10 ms and 11 ms. Only awaits of this file's own `async def` functions and methods,
and requests on an aiohttp or httpx client the function creates, are flagged: locks, queues,
sleeps and writes to one connection wait on purpose or must keep their order.
)",
    .useInstead = R"(
`results = await asyncio.gather(*(fetch(x) for x in xs))` (results keep the order of `xs`), or
`async with asyncio.TaskGroup() as tg:` with `tg.create_task(fetch(x))` per item (Python 3.11+,
cancels the rest when one fails). With many items, bound how many run at once with an
`asyncio.Semaphore` so a server is not flooded.
)",
    .example = {.before = R"(
import asyncio


async def fetch_price(item):
    await asyncio.sleep(0.01)  # stands for a network request
    return len(item)


async def prices(items):
    result = []
    for item in items:
        result.append(await fetch_price(item))
    return result


print(asyncio.run(prices(["apple", "kiwi", "plum"])))
)",
                .after = R"(
import asyncio


async def fetch_price(item):
    await asyncio.sleep(0.01)  # stands for a network request
    return len(item)


async def prices(items):
    return await asyncio.gather(*(fetch_price(item) for item in items))


print(asyncio.run(prices(["apple", "kiwi", "plum"])))
)"},
    .fixSafety = R"(
No fix: running the calls at once changes the order of their side effects, may exceed a
server's or a pool's limit on concurrent requests, and turns the first failure into one that
the other calls run alongside. The message shows the `gather` form to start from.
)",
    .measure = {.setup = "items = [str(i) for i in range(n)]",
                .call = "asyncio.run(prices(items))"},
};

constexpr NodeKind kKinds[] = {NodeKind::ForStatement};

// Coroutine names that write to a shared channel or wait for a resource: their order matters
// or they serialise anyway.
constexpr std::string_view kOrderedPrefixes[] = {
    "send",   "write",   "drain", "put",   "publish", "emit", "flush",  "close",
    "commit", "acquire", "wait",  "sleep", "join",    "lock", "notify",
};

bool isOrderedName(std::string_view name) {
  while (name.starts_with('_')) name.remove_prefix(1);
  for (std::string_view prefix : kOrderedPrefixes) {
    if (name.starts_with(prefix)) return true;
  }
  return false;
}

// Whether the statement is an `async for` or `async with`.
bool isAsyncStatement(TSNode node) {
  std::string_view type = nodeType(node);
  return (type == "for_statement" || type == "with_statement") &&
         nodeType(ts_node_child(node, 0)) == "async";
}

// The body's single `await`, or a null node when the body has another await, an `async for` or
// `async with`, or a `break`, `return`, `raise` or `yield` (nested functions aside).
TSNode singleAwait(TSNode body) {
  TSNode found{};
  int awaits = 0;
  bool fit = true;
  forEachNode(body, [&](TSNode node) {
    std::string_view type = nodeType(node);
    bool isAwait = type == "await" && ts_node_is_named(node);  // the expression, not its keyword
    bool leaves = type == "break_statement" || type == "return_statement" ||
                  type == "raise_statement" || type == "yield" || isAsyncStatement(node);
    if ((!isAwait && !leaves) || inDeferredCode(node, body)) return;
    if (isAwait) {
      ++awaits;
      found = node;
    } else {
      fit = false;
    }
  });
  return fit && awaits == 1 ? found : TSNode{};
}

// Whether the await stands at the top of the body: `await c`, `r = await c`, `r += await c` or
// `out.append(await c)` as a statement of the loop body itself.
bool isTopLevelAwait(TSNode await, TSNode body) {
  TSNode parent = syntax::parentOf(await);
  std::string_view type = nodeType(parent);
  if (type == "argument_list") {
    TSNode call = syntax::parentOf(parent);
    if (ts_node_named_child_count(parent) != 1 ||
        nodeType(childByField(call, "function")) != "attribute") {
      return false;
    }
    parent = syntax::parentOf(call);
    type = nodeType(parent);
  } else if (type == "assignment" || type == "augmented_assignment") {
    if (!ts_node_eq(childByField(parent, "right"), await)) return false;
    parent = syntax::parentOf(parent);
    type = nodeType(parent);
  }
  return type == "expression_statement" && ts_node_eq(syntax::parentOf(parent), body);
}

// The names the body binds (assignment targets, nested loop targets, walrus), outside nested
// functions.
std::set<std::string_view> namesBoundIn(TSNode body, const Document& document) {
  std::set<std::string_view> names;
  forEachNode(body, [&](TSNode node) {
    if (nodeType(node) == "identifier" && isBindingOccurrence(node) &&
        !inDeferredCode(node, body)) {
      names.insert(document.text(node));
    }
  });
  return names;
}

// The names a `for` target binds.
std::set<std::string_view> targetNames(TSNode target, const Document& document) {
  std::set<std::string_view> names;
  forEachNode(target, [&](TSNode node) {
    if (nodeType(node) == "identifier") names.insert(document.text(node));
  });
  return names;
}

// Whether the call's arguments use a loop variable and no other name the body assigns: each
// pass's call is then fixed before the loop starts.
bool argumentsAreIndependent(TSNode call, const std::set<std::string_view>& targets,
                             const std::set<std::string_view>& bound, const Document& document) {
  TSNode arguments = childByField(call, "arguments");
  if (containsType(arguments, {"named_expression"})) return false;
  auto uses = [&](std::string_view name) {
    return !variablesNamed(arguments, document.text(), name, true).empty();
  };
  for (std::string_view name : bound) {
    if (!targets.count(name) && uses(name)) return false;
  }
  for (std::string_view name : targets) {
    if (uses(name)) return true;
  }
  return false;
}

// Request methods of the async HTTP clients, whose calls on one client may run at once.
constexpr std::string_view kRequestMethods[] = {"get",    "post", "put",     "patch",
                                                "delete", "head", "options", "request"};
constexpr std::string_view kAsyncHttpClients[] = {"aiohttp.ClientSession", "httpx.AsyncClient"};

bool isAsyncHttpClient(std::string_view qualifiedName) {
  for (std::string_view client : kAsyncHttpClients) {
    if (qualifiedName == client) return true;
  }
  return false;
}

// Whether `call` is a request on an async HTTP client that `function` creates:
// `client = aiohttp.ClientSession()` or `async with httpx.AsyncClient() as client`.
bool isClientRequest(TSNode call, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  TSNode callee = childByField(call, "function");
  if (nodeType(callee) != "attribute") return false;
  std::string_view method = document.text(childByField(callee, "attribute"));
  bool isRequest = false;
  for (std::string_view request : kRequestMethods) isRequest = isRequest || method == request;
  TSNode object = childByField(callee, "object");
  if (!isRequest || nodeType(object) != "identifier") return false;
  std::string_view client = document.text(object);
  const Binding* binding = model.bindingBefore(client, site.function, ts_node_start_byte(call));
  if (binding && isAsyncHttpClient(binding->callee)) return true;
  TSNode opened = callBoundByWith(client, call, site.function, model);
  return !ts_node_is_null(opened) &&
         isAsyncHttpClient(model.qualifiedName(childByField(opened, "function"), site.function));
}

class SequentialAwaitsInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    TSNode loop = site.node;
    if (!model.isAsync(site.function) || isAsyncStatement(loop)) return;
    if (!ts_node_is_null(childByField(loop, "alternative"))) return;
    const Document& document = model.document();
    TSNode body = childByField(loop, "body");
    TSNode await = singleAwait(body);
    if (ts_node_is_null(await) || !isTopLevelAwait(await, body)) return;
    TSNode call = ts_node_named_child(await, 0);
    if (nodeType(call) != "call") return;
    const FunctionInfo* coroutine = calledCoroutineFunction(call, site, model);
    if (coroutine ? isOrderedName(coroutine->name) : !isClientRequest(call, site, model)) return;
    TSNode target = childByField(loop, "left");
    std::set<std::string_view> targets = targetNames(target, document);
    if (!argumentsAreIndependent(call, targets, namesBoundIn(body, document), document)) return;

    std::string gather = "await asyncio.gather(*(";
    gather.append(document.text(call))
        .append(" for ")
        .append(document.text(target))
        .append(" in ")
        .append(document.text(childByField(loop, "right")))
        .append("))");
    std::string message = "Each pass awaits `";
    message.append(document.text(childByField(call, "function")))
        .append("()` before the next starts, though no pass needs another's result; ");
    if (gather.size() <= 100 && gather.find('\n') == std::string::npos) {
      message.append("run them together: `").append(gather).append("`");
    } else {
      message.append("run them together with `asyncio.gather` or a `TaskGroup`");
    }
    sink.report(kInfo, site, rangeOf(await), std::move(message));
  }
};

}  // namespace

const Rule& ph405SequentialAwaitsInLoop() {
  static const SequentialAwaitsInLoop rule;
  return rule;
}

}  // namespace perfhint
