// PH402 coroutine-not-awaited on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH402 flags dropped coroutines of this file's async defs only") {
  AnnotatedSource source = annotate(
      "import asyncio\n"
      "async def work():\n"
      "    pass\n"
      "async def main():\n"
      "    «work()»\n"
      "    unused = «work()»\n"
      "    kept = work()\n"
      "    await kept\n"
      "    await work()\n"
      "    asyncio.gather(work(), work())\n"
      "    return work()\n");
  CHECK(rangesOf("PH402", source.text) == source.ranges);
}

TEST_CASE("PH402 follows scopes: a nearer binding that is not an async def wins") {
  AnnotatedSource source = annotate(
      "async def work():\n"
      "    pass\n"
      "def outer():\n"
      "    def work():\n"
      "        pass\n"
      "    work()\n"
      "async def inner_scope():\n"
      "    async def helper():\n"
      "        pass\n"
      "    «helper()»\n"
      "class A:\n"
      "    def work(self):\n"
      "        pass\n"
      "async def g():\n"
      "    «work()»\n");
  CHECK(rangesOf("PH402", source.text) == source.ranges);
}

TEST_CASE("PH402 methods: self calls of the class's own async defs") {
  AnnotatedSource source = annotate(
      "class A:\n"
      "    async def ping(self):\n"
      "        pass\n"
      "    def pong(self):\n"
      "        pass\n"
      "    async def run(self, other):\n"
      "        «self.ping()»\n"
      "        self.pong()\n"
      "        other.ping()\n");
  CHECK(rangesOf("PH402", source.text) == source.ranges);
}

TEST_CASE("PH402 messages and fixes") {
  std::string text =
      "import asyncio\n"
      "async def work():\n"
      "    pass\n"
      "def sync():\n"
      "    work()\n"
      "async def main():\n"
      "    work()\n"
      "    asyncio.create_task(work())\n";
  auto findings = findingsOf("PH402", text);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message ==
        "`work()` is an `async def`: calling it without `await` creates a coroutine that never "
        "runs; await it from `async def`, or run it with `asyncio.run()`");
  CHECK_FALSE(findings[0].fix);
  CHECK(findings[1].message ==
        "`work()` is an `async def`: calling it without `await` creates a coroutine that never "
        "runs; add `await`");
  REQUIRE(findings[1].fix);
  CHECK(findings[1].fix->safety == FixSafety::Unsafe);
  CHECK(findings[2].message ==
        "The task `asyncio.create_task()` returns is dropped: the event loop holds tasks weakly, "
        "so it can be garbage-collected before it finishes; keep a reference until it is done");
  CHECK_FALSE(findings[2].fix);
  CHECK(fixedBy("PH402", text) ==
        "import asyncio\n"
        "async def work():\n"
        "    pass\n"
        "def sync():\n"
        "    work()\n"
        "async def main():\n"
        "    await work()\n"
        "    asyncio.create_task(work())\n");
  CHECK(fixedBy("PH402", text, false) == text);
}

TEST_CASE("PH402 loop.create_task on an asyncio loop") {
  AnnotatedSource source = annotate(
      "import asyncio\n"
      "async def work():\n"
      "    pass\n"
      "def start(other):\n"
      "    loop = asyncio.get_event_loop()\n"
      "    «loop.create_task(work())»\n"
      "    other.create_task(work())\n");
  CHECK(rangesOf("PH402", source.text) == source.ranges);
}

TEST_CASE("PH402 offers no fix in a class body, where await is not allowed") {
  auto findings = findingsOf("PH402",
                             "async def work():\n"
                             "    pass\n"
                             "async def f():\n"
                             "    class Settings:\n"
                             "        work()\n");
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
}
