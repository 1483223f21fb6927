// PH408 asyncio-run-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH408 flags asyncio.run in for loops and comprehensions only") {
  AnnotatedSource source = annotate(
      "import asyncio as aio\n"
      "for x in xs:\n"
      "    «aio.run(f(x))»\n"
      "{«aio.run(f(x))» for x in xs}\n"
      "aio.run(main())\n"
      "while busy():\n"
      "    aio.run(f(1))\n"
      "def run(xs):\n"
      "    for x in xs:\n"
      "        def later():\n"
      "            aio.run(f(x))\n");
  CHECK(rangesOf("PH408", source.text) == source.ranges);
}

TEST_CASE("PH408 message and depth") {
  auto findings = findingsOf("PH408",
                             "import asyncio\n"
                             "for a in b:\n"
                             "    for c in a:\n"
                             "        asyncio.run(f(c))\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`asyncio.run()` on every pass of a loop creates and closes an event loop each time; run "
        "one `asyncio.run(main())` that gathers the coroutines (inside 2 nested loops)");
  CHECK_FALSE(findings[0].fix);
}
