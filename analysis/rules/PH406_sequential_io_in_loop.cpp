// PH406 sequential-io-in-loop: a blocking HTTP request (`requests.get`, `urllib.request.urlopen`,
// `httpx.post`, `session.get` on a `requests.Session`) sent on every pass of a `for` loop or
// comprehension in sync code, one item after another, so the waits add up.
//
// Only requests that depend on the loop's own item (an argument names the loop target) are
// flagged: those are independent of each other. Loops that may stop early (`break`, `return`:
// trying mirrors until one answers), `while` loops (retries, pagination that follows the previous
// answer) and async functions (another rule's business) are left alone.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/bound_callee.h"    // sessions and clients
#include "analysis/rules/support/loop_item.h"       // requests on the loop's own item
#include "analysis/rules/support/name_list.h"       // fixed lists of names
#include "analysis/rules/support/name_rebinding.h"  // a module name bound locally
#include "analysis/syntax/node_queries.h"           // variables, tree walks

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH406",
    .name = "sequential-io-in-loop",
    .summary =
        "Blocking HTTP request sent on every pass of a loop, one after another; a thread pool "
        "or an async client overlaps the waits.",
    .severity = Severity::Info,
    .fix = FixAvailability::None,
    .whySlow = R"(
A blocking request spends almost all its time waiting for the server, and a loop does not start
the next request until the previous answer has arrived, so the waits add up: n requests take n
times the round trip. Threads overlap such waits, because a thread waiting on a socket releases
the interpreter lock. Measured on CPython 3.11 against a local server that answers after 20 ms:
20 requests one by one took 0.46-0.51 s with `urllib.request.urlopen` and 0.61-0.72 s with
`requests.get`; the same requests through `ThreadPoolExecutor(8).map` took 0.10-0.11 s and
0.13 s. Flagged in sync code only, in `for` loops and comprehensions whose request uses the
loop's own item; loops that may stop early (`break`, `return`) and `while` loops, where each
request may depend on the previous answer, are left alone.
)",
    .useInstead = R"(
Move one request into a function and map it over the items with a thread pool:
`with ThreadPoolExecutor(max_workers=8) as pool: pages = list(pool.map(fetch, urls))` (results
come back in input order). Keep the pool small enough for the server, and use one
`requests.Session` per thread if you reuse connections. In async code, an async client
(`aiohttp`, `httpx.AsyncClient`) with `asyncio.gather` does the same without threads.
)",
    .example = {.before = R"(
from urllib.request import urlopen


def fetch_all(urls):
    pages = []
    for url in urls:
        with urlopen(url) as response:
            pages.append(response.read())
    return pages


urls = ["http://example.invalid/item/%d" % i for i in range(20)]
print(sum(len(page) for page in fetch_all(urls)))
)",
                .after = R"(
from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen


def fetch(url):
    with urlopen(url) as response:
        return response.read()


def fetch_all(urls):
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(fetch, urls))


urls = ["http://example.invalid/item/%d" % i for i in range(20)]
print(sum(len(page) for page in fetch_all(urls)))
)",
                .harness = R"(
# A stand-in for the network: each request waits 10 ms and echoes its URL.
import io
import time
import urllib.request


def local_urlopen(url, *args, **kwargs):
    time.sleep(0.01)
    return io.BytesIO(url.encode())


urllib.request.urlopen = local_urlopen
)"},
    .fixSafety = R"(
No fix: requests sent at once may arrive in another order, the server may limit how many it
accepts at a time, and a session or connection shared by threads may not be thread-safe.
)",
    .measure = {.setup = R"(urls = ["http://example.invalid/item/%d" % i for i in range(n)])",
                .call = "fetch_all(urls)"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

constexpr std::string_view kRequestFunctions[] = {
    "requests.get",
    "requests.post",
    "requests.put",
    "requests.patch",
    "requests.delete",
    "requests.head",
    "requests.options",
    "requests.request",
    "httpx.get",
    "httpx.post",
    "httpx.put",
    "httpx.patch",
    "httpx.delete",
    "httpx.head",
    "httpx.options",
    "httpx.request",
    "urllib.request.urlopen",
};

constexpr std::string_view kSessionClasses[] = {
    "requests.Session",
    "requests.session",
    "requests.sessions.Session",
    "httpx.Client",
};

constexpr std::string_view kSessionMethods[] = {
    "get", "post", "put", "patch", "delete", "head", "options", "request",
};

// The text naming the request in the message (`requests.get`, `session.get`), or empty when the
// call is not a blocking HTTP request.
std::string requestName(TSNode call, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  TSNode callee = childByField(call, "function");
  // Cheap tests first: resolving builds a string, and most calls are neither an imported name
  // nor a method with a request's name.
  if (nodeType(callee) == "identifier") {
    if (!model.resolveImport(document.text(callee), site.function)) return {};
  } else if (nodeType(callee) == "attribute") {
    std::string_view method = document.text(childByField(callee, "attribute"));
    if (method != "urlopen" && !isOneOf(kSessionMethods, method)) return {};
  }
  std::string qualified = model.qualifiedName(callee, site.function);
  if (!qualified.empty()) {
    if (isOneOf(kRequestFunctions, qualified) && !rootShadowedLocally(callee, site, model))
      return qualified;
    return {};
  }
  if (nodeType(callee) != "attribute") return {};
  TSNode object = childByField(callee, "object");
  if (nodeType(object) != "identifier" ||
      !isOneOf(kSessionMethods, document.text(childByField(callee, "attribute"))) ||
      !isOneOf(kSessionClasses, boundCallee(call, document.text(object), site, model))) {
    return {};
  }
  return std::string(document.text(callee));
}

// Whether a `break` or `return` in the loop's body (nested functions left out) may end it early.
bool mayStopEarly(const LoopInfo& loop) {
  if (loop.kind != NodeKind::ForStatement) return false;
  TSNode body = childByField(loop.node, "body");
  bool found = false;
  forEachNode(body, [&](TSNode node) {
    std::string_view type = nodeType(node);
    if ((type == "break_statement" || type == "return_statement") && !inDeferredCode(node, body)) {
      found = true;
    }
  });
  return found;
}

class SequentialIoInLoop final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (site.loop == kNoLoop || model.isAsync(site.function)) return;
    const LoopInfo& loop = model.loops()[static_cast<size_t>(site.loop)];
    TSNode call = site.node;
    // A lambda or generator expression in the loop runs later, maybe never.
    if (loop.kind == NodeKind::WhileStatement || inDeferredCode(call, loop.node)) return;
    std::string name = requestName(call, site, model);
    if (name.empty()) return;

    // The request must use this pass's item: otherwise it repeats one request (a retry) or
    // depends on something the previous pass computed.
    if (!usesLoopItem(childByField(call, "arguments"), loop, model.document()) ||
        mayStopEarly(loop)) {
      return;
    }
    sink.report(kInfo, site, rangeOf(call),
                "Blocking `" + name +
                    "` on every pass of a loop: the requests wait one after another; send them "
                    "from a ThreadPoolExecutor (`pool.map`) or an async client");
  }
};

}  // namespace

const Rule& ph406SequentialIoInLoop() {
  static const SequentialIoInLoop rule;
  return rule;
}

}  // namespace perfhint
