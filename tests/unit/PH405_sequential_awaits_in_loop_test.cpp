// PH405 sequential-awaits-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH405 flags one independent await of this file's coroutine per pass") {
  AnnotatedSource source = annotate(
      "async def get(x):\n"
      "    return x\n"
      "async def main(xs, ys):\n"
      "    total = 0\n"
      "    for x in xs:\n"
      "        total += «await get(x)»\n"
      "    for x in xs:\n"
      "        for y in ys:\n"
      "            r = «await get((x, y))»\n"
      "            print(r)\n");
  CHECK(rangesOf("PH405", source.text) == source.ranges);
}

TEST_CASE("PH405 leaves dependent, ordered and nested awaits alone") {
  CHECK(rangesOf("PH405",
                 "async def get(x):\n"
                 "    return x\n"
                 "async def send_all(x):\n"
                 "    return x\n"
                 "async def main(xs):\n"
                 "    for x in xs:\n"
                 "        if x:\n"
                 "            await get(x)\n"
                 "    for x in xs:\n"
                 "        await send_all(x)\n"
                 "    for x in xs:\n"
                 "        r = await get(x)\n"
                 "        if r:\n"
                 "            return r\n"
                 "    for x in xs:\n"
                 "        f = lambda: x\n"
                 "        await get(f)\n"
                 "    for x in xs:\n"
                 "        await get(x)\n"
                 "    else:\n"
                 "        pass\n")
            .empty());
}

TEST_CASE("PH405 message carries the gather rewrite, and a generic one when it is long") {
  auto findings = findingsOf("PH405",
                             "async def get(x):\n"
                             "    return x\n"
                             "async def main(xs):\n"
                             "    for x in xs:\n"
                             "        await get(x)\n"
                             "    for x in xs:\n"
                             "        await get(x, 'a very long argument that pushes the rewrite "
                             "past the limit')\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "Each pass awaits `get()` before the next starts, though no pass needs another's result; "
        "run them together: `await asyncio.gather(*(get(x) for x in xs))`");
  CHECK(findings[1].message ==
        "Each pass awaits `get()` before the next starts, though no pass needs another's result; "
        "run them together with `asyncio.gather` or a `TaskGroup`");
  CHECK(findings[0].severity == Severity::Hint);
  CHECK_FALSE(findings[0].fix);
}
