// PH401 blocking-call-in-async: a call that blocks the thread (`time.sleep`, `requests.get`,
// `subprocess.run`, a whole-file read, a socket call, `input()`) inside `async def`, where it
// stops the event loop and every other task with it.
//
// Only calls that run in the coroutine itself count: a nested plain `def`, a lambda or a
// generator expression runs elsewhere or later, and a function handed to `run_in_executor` or
// `asyncio.to_thread` runs in a thread.
#include "analysis/rules/rule.h"

#include "analysis/rules/support/module_import.h"   // `import asyncio` for the fixes
#include "analysis/rules/support/name_rebinding.h"  // `input`, `open` and modules rebound
#include "analysis/rules/support/with_bindings.h"   // files opened by `with open(...) as f`
#include "analysis/syntax/node_queries.h"           // deferred code, root names

#include <array>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

constexpr RuleInfo kInfo{
    .code = "PH401",
    .name = "blocking-call-in-async",
    .summary =
        "A blocking call (`time.sleep`, `requests`, `subprocess`, whole-file I/O, sockets, "
        "`input()`) inside `async def`; it stops the event loop and every other task.",
    .severity = Severity::Warning,
    .fix = FixAvailability::Sometimes,
    .whySlow = R"(
An event loop runs one task at a time and switches only at an `await`. A call that blocks the
thread (sleeping, waiting for an HTTP response, a child process, a socket or the disk) holds the
loop for its whole duration, so every other task waits too and the program runs its waits one
after another. Measured on CPython 3.11: 10 tasks gathered that each call `time.sleep(0.01)` take
113 ms and 100 take 1.1 s; with `await asyncio.sleep(0.01)` they take 10 ms and 13 ms. Run in
threads with `asyncio.to_thread`, the 100 blocking calls take 185 ms (the default pool has few
workers on a small machine).
)",
    .useInstead = R"(
The asyncio form of the call: `await asyncio.sleep(...)` for `time.sleep`,
`asyncio.create_subprocess_exec` for `subprocess`, `asyncio.open_connection` for sockets, an async
HTTP client (aiohttp, httpx) for `requests` and `urllib`. Where none exists, run the call in a
worker thread: `await asyncio.to_thread(func, *args)` (Python 3.9+) or
`await loop.run_in_executor(None, func, *args)`.
)",
    .example = {.before = R"(
import asyncio
import time


async def poll(name):
    time.sleep(0.01)
    return name


async def main():
    print(await asyncio.gather(poll("a"), poll("b"), poll("c")))


asyncio.run(main())
)",
                .after = R"(
import asyncio
import time


async def poll(name):
    await asyncio.sleep(0.01)
    return name


async def main():
    print(await asyncio.gather(poll("a"), poll("b"), poll("c")))


asyncio.run(main())
)"},
    .fixSafety = R"(
Unsafe. `time.sleep(...)` on a line of its own becomes `await asyncio.sleep(...)`; `requests`,
`urllib`, `subprocess`, `Popen.wait()` and `input()` calls become
`await asyncio.to_thread(func, ...)` (when the target version is 3.9 or newer). Both add
`import asyncio` when the file lacks it. Other tasks now run while the call waits, so code that
relied on nothing else changing shared state in the meantime can behave differently, and a
thread runs the call with a copy of the context variables. No fix for file and socket calls, or
inside a comprehension, where an `await` would change what the comprehension builds.
)",
    .measure = {.setup = R"(
names = [str(i) for i in range(n)]
async def poll_all():
    return await asyncio.gather(*(poll(x) for x in names))
)",
                .call = "asyncio.run(poll_all())"},
};

constexpr NodeKind kKinds[] = {NodeKind::Call};

enum class Blocking : uint8_t { None, Sleep, Http, Subprocess, Socket, File, Input };

struct KnownCall {
  std::string_view qualifiedName;
  Blocking kind;
};

constexpr std::array kBlockingFunctions = {
    KnownCall{"time.sleep", Blocking::Sleep},
    KnownCall{"requests.get", Blocking::Http},
    KnownCall{"requests.post", Blocking::Http},
    KnownCall{"requests.put", Blocking::Http},
    KnownCall{"requests.patch", Blocking::Http},
    KnownCall{"requests.delete", Blocking::Http},
    KnownCall{"requests.head", Blocking::Http},
    KnownCall{"requests.options", Blocking::Http},
    KnownCall{"requests.request", Blocking::Http},
    KnownCall{"urllib.request.urlopen", Blocking::Http},
    KnownCall{"subprocess.run", Blocking::Subprocess},
    KnownCall{"subprocess.call", Blocking::Subprocess},
    KnownCall{"subprocess.check_call", Blocking::Subprocess},
    KnownCall{"subprocess.check_output", Blocking::Subprocess},
    KnownCall{"subprocess.getoutput", Blocking::Subprocess},
    KnownCall{"subprocess.getstatusoutput", Blocking::Subprocess},
    KnownCall{"socket.create_connection", Blocking::Socket},
    KnownCall{"socket.getaddrinfo", Blocking::Socket},
    KnownCall{"socket.gethostbyname", Blocking::Socket},
    KnownCall{"socket.gethostbyaddr", Blocking::Socket},
};

// Methods that block on an object made by a known constructor (`s = requests.Session()`).
struct BlockingMethod {
  std::string_view constructor;
  std::string_view method;
  Blocking kind;
};

constexpr std::array kBlockingMethods = {
    BlockingMethod{"requests.Session", "get", Blocking::Http},
    BlockingMethod{"requests.Session", "post", Blocking::Http},
    BlockingMethod{"requests.Session", "put", Blocking::Http},
    BlockingMethod{"requests.Session", "patch", Blocking::Http},
    BlockingMethod{"requests.Session", "delete", Blocking::Http},
    BlockingMethod{"requests.Session", "head", Blocking::Http},
    BlockingMethod{"requests.Session", "request", Blocking::Http},
    BlockingMethod{"http.client.HTTPConnection", "request", Blocking::Http},
    BlockingMethod{"http.client.HTTPConnection", "getresponse", Blocking::Http},
    BlockingMethod{"http.client.HTTPSConnection", "request", Blocking::Http},
    BlockingMethod{"http.client.HTTPSConnection", "getresponse", Blocking::Http},
    BlockingMethod{"subprocess.Popen", "wait", Blocking::Subprocess},
    BlockingMethod{"subprocess.Popen", "communicate", Blocking::Subprocess},
    BlockingMethod{"socket.socket", "recv", Blocking::Socket},
    BlockingMethod{"socket.socket", "recv_into", Blocking::Socket},
    BlockingMethod{"socket.socket", "recvfrom", Blocking::Socket},
    BlockingMethod{"socket.socket", "sendall", Blocking::Socket},
    BlockingMethod{"socket.socket", "accept", Blocking::Socket},
    BlockingMethod{"socket.socket", "connect", Blocking::Socket},
    BlockingMethod{"socket.create_connection", "recv", Blocking::Socket},
    BlockingMethod{"socket.create_connection", "recv_into", Blocking::Socket},
    BlockingMethod{"socket.create_connection", "sendall", Blocking::Socket},
};

// Whether the call is an argument of `run_in_executor(...)` or `to_thread(...)`: it builds what
// the thread runs (a bound method, a partial) rather than blocking here.
bool isHandedToThread(TSNode call, const Document& document) {
  TSNode arguments = syntax::parentOf(call);
  if (nodeType(arguments) != "argument_list") return false;
  std::string_view outer = document.text(childByField(syntax::parentOf(arguments), "function"));
  return outer.ends_with("run_in_executor") || outer.ends_with("to_thread");
}

// Whether the function switches its sockets to non-blocking mode; their calls then return at
// once instead of waiting.
bool usesNonBlockingSockets(TSNode function, const Document& document) {
  std::string_view text = document.text(function);
  return text.find("setblocking(False)") != std::string_view::npos ||
         text.find("setblocking(0)") != std::string_view::npos ||
         text.find("settimeout(0") != std::string_view::npos;
}

Blocking classify(TSNode call, TSNode function, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  TSNode callee = childByField(call, "function");
  if (!rootShadowedLocally(callee, site, model)) {
    std::string qualified = model.qualifiedName(callee, site.function);
    for (const KnownCall& known : kBlockingFunctions) {
      if (qualified == known.qualifiedName) return known.kind;
    }
  }
  if (nodeType(callee) == "identifier") {
    if (document.text(callee) == "input" && !isRebound("input", site, model)) {
      return Blocking::Input;
    }
    return Blocking::None;
  }
  if (nodeType(callee) != "attribute") return Blocking::None;
  std::string_view method = document.text(childByField(callee, "attribute"));
  TSNode object = childByField(callee, "object");
  // `read()` or `readlines()` without a size, or one `write(data)`: the whole file at once.
  uint32_t arguments = ts_node_named_child_count(childByField(call, "arguments"));
  bool wholeFile = ((method == "read" || method == "readlines") && arguments == 0) ||
                   (method == "write" && arguments == 1);
  // `open(path).read()`: the builtin `open`, read or written in one call.
  if (wholeFile && nodeType(object) == "call" &&
      document.text(childByField(object, "function")) == "open" &&
      !isRebound("open", site, model)) {
    return Blocking::File;
  }
  if (nodeType(object) != "identifier") return Blocking::None;
  std::string_view name = document.text(object);
  // `with open(path) as f:` around the call, reading or writing `f` whole.
  TSNode opened = wholeFile ? callBoundByWith(name, call, site.function, model) : TSNode{};
  if (!ts_node_is_null(opened) && document.text(childByField(opened, "function")) == "open" &&
      !isRebound("open", site, model)) {
    return Blocking::File;
  }
  const Binding* binding = model.bindingBefore(name, site.function, ts_node_start_byte(call));
  if (!binding || binding->shape != ValueShape::Call) return Blocking::None;
  for (const BlockingMethod& known : kBlockingMethods) {
    if (binding->callee != known.constructor || method != known.method) continue;
    if (known.kind == Blocking::Socket && usesNonBlockingSockets(function, document)) break;
    return known.kind;
  }
  return Blocking::None;
}

// Whether an `await` in place of the call would change more than the call: inside a
// comprehension it makes the comprehension asynchronous (a generator expression then yields
// awaitables).
bool inComprehension(TSNode call, TSNode function) {
  for (TSNode at = syntax::parentOf(call); !ts_node_is_null(at) && !ts_node_eq(at, function);
       at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "list_comprehension" || type == "set_comprehension" ||
        type == "dictionary_comprehension" || type == "generator_expression") {
      return true;
    }
  }
  return false;
}

// `time.sleep(x)` on a line of its own -> `await asyncio.sleep(x)`.
std::optional<Fix> sleepFix(TSNode call, const Site& site, const SemanticModel& model) {
  TSNode statement = syntax::parentOf(call);
  if (nodeType(statement) != "expression_statement" || ts_node_named_child_count(statement) != 1) {
    return std::nullopt;
  }
  std::string asyncio = moduleNameAt("asyncio", site, model);
  TSNode callee = childByField(call, "function");
  if (asyncio.empty() || model.hasCommentIn(rangeOf(callee))) return std::nullopt;
  Fix fix{"Await asyncio.sleep instead", FixSafety::Unsafe, {}};
  fix.edits.push_back({rangeOf(callee), "await " + asyncio + ".sleep"});
  if (auto import = importEdit("asyncio", site, model)) fix.edits.push_back(*import);
  return fix;
}

// `func(args)` -> `await asyncio.to_thread(func, args)`, parenthesised where the call is the
// object of an attribute, subscript or call (an `await` there would take in the trailer).
std::optional<Fix> toThreadFix(TSNode call, TSNode function, const Site& site,
                               const SemanticModel& model) {
  if (model.targetVersion() < PythonVersion{3, 9} || inComprehension(call, function)) {
    return std::nullopt;
  }
  TSNode arguments = childByField(call, "arguments");
  if (nodeType(arguments) != "argument_list") return std::nullopt;
  std::string asyncio = moduleNameAt("asyncio", site, model);
  if (asyncio.empty()) return std::nullopt;
  TSNode parent = syntax::parentOf(call);
  std::string_view parentType = nodeType(parent);
  bool parenthesise = parentType == "attribute" || parentType == "subscript" ||
                      (parentType == "call" && ts_node_eq(childByField(parent, "function"), call));
  uint32_t start = ts_node_start_byte(call);
  uint32_t open = ts_node_start_byte(arguments);
  bool noArguments = ts_node_named_child_count(arguments) == 0;
  Fix fix{"Run it in a thread with asyncio.to_thread", FixSafety::Unsafe, {}};
  fix.edits.push_back(
      {{start, start}, std::string(parenthesise ? "(" : "") + "await " + asyncio + ".to_thread("});
  fix.edits.push_back({{open, open + 1}, noArguments ? "" : ", "});
  if (parenthesise) fix.edits.push_back({{ts_node_end_byte(call), ts_node_end_byte(call)}, ")"});
  if (auto import = importEdit("asyncio", site, model)) fix.edits.push_back(*import);
  return fix;
}

std::string messageFor(Blocking kind, std::string_view callee) {
  std::string call = "`";
  call.append(callee).append("()`");
  switch (kind) {
    case Blocking::Sleep:
      return call + " in `async def` blocks the event loop; use `await asyncio.sleep()`";
    case Blocking::Http:
      return call +
             " in `async def` blocks the event loop until the response arrives; use an async "
             "HTTP client or `await asyncio.to_thread(...)`";
    case Blocking::Subprocess:
      return call +
             " in `async def` blocks the event loop until the process exits; use "
             "`asyncio.create_subprocess_exec` or `await asyncio.to_thread(...)`";
    case Blocking::Socket:
      return call +
             " in `async def` is a blocking socket call that stops the event loop; use asyncio "
             "streams (`asyncio.open_connection`)";
    case Blocking::File:
      return call +
             " in `async def` reads or writes a whole file while the event loop waits; use "
             "`await asyncio.to_thread(...)`";
    case Blocking::Input:
      return call +
             " in `async def` blocks the event loop until a line is typed; use `await "
             "asyncio.to_thread(input, ...)`";
    case Blocking::None: break;
  }
  return {};
}

class BlockingCallInAsync final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }
  std::span<const NodeKind> kinds() const override { return kKinds; }

  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (!model.isAsync(site.function)) return;
    TSNode call = site.node;
    TSNode function = model.functions()[static_cast<size_t>(site.function)].node;
    const Document& document = model.document();
    if (inDeferredCode(call, function) || isHandedToThread(call, document)) return;
    Blocking kind = classify(call, function, site, model);
    if (kind == Blocking::None) return;

    std::optional<Fix> fix;
    // A class body inside the coroutine runs in it but is no place for `await`.
    bool canAwait = !inClassBody(call);
    if (canAwait && kind == Blocking::Sleep) {
      fix = sleepFix(call, site, model);
    } else if (canAwait && (kind == Blocking::Http || kind == Blocking::Subprocess ||
                            kind == Blocking::Input)) {
      fix = toThreadFix(call, function, site, model);
    }
    sink.report(kInfo, site, rangeOf(call),
                messageFor(kind, document.text(childByField(call, "function"))), std::move(fix));
  }
};

}  // namespace

const Rule& ph401BlockingCallInAsync() {
  static const BlockingCallInAsync rule;
  return rule;
}

}  // namespace perfhint
