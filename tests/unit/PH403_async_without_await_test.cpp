// PH403 async-without-await on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH403 flags coroutines that loop over computation and never suspend") {
  AnnotatedSource source = annotate(
      "import asyncio\n"
      "async def «a»(xs):\n"
      "    t = 0\n"
      "    for x in xs:\n"
      "        t += abs(x)\n"
      "    return t\n"
      "async def b(xs):\n"
      "    t = 0\n"
      "    for x in xs:\n"
      "        t += await asyncio.sleep(0, x)\n"
      "    return t\n"
      "async def c(xs):\n"
      "    for x in xs:\n"
      "        send(x)\n"
      "async def d(xs):\n"
      "    async with lock:\n"
      "        for x in xs:\n"
      "            pass\n");
  CHECK(rangesOf("PH403", source.text) == source.ranges);
}

TEST_CASE("PH403 follows module functions a few calls deep and skips overrides") {
  AnnotatedSource source = annotate(
      "def square(x):\n"
      "    return x * x\n"
      "def sink(x):\n"
      "    open(x)\n"
      "async def «a»(xs):\n"
      "    for x in xs:\n"
      "        square(x)\n"
      "async def b(xs):\n"
      "    for x in xs:\n"
      "        sink(x)\n"
      "class C(Base):\n"
      "    async def m(self, xs):\n"
      "        for x in xs:\n"
      "            square(x)\n"
      "class D:\n"
      "    async def «m»(self, xs):\n"
      "        for x in xs:\n"
      "            square(x)\n");
  CHECK(rangesOf("PH403", source.text) == source.ranges);
}

TEST_CASE("PH403 message") {
  auto findings = findingsOf("PH403",
                             "async def total(xs):\n"
                             "    s = 0\n"
                             "    for x in xs:\n"
                             "        s += x\n"
                             "    return s\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`async def total` never awaits and loops over computation, blocking the event loop "
        "until it returns; make it a plain function or run it in a ProcessPoolExecutor");
  CHECK_FALSE(findings[0].fix);
}
