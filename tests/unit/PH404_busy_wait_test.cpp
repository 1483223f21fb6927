// PH404 busy-wait on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH404 flags loops that only re-test a state") {
  AnnotatedSource source = annotate(
      "«while not flag.is_set()»:\n"
      "    pass\n"
      "«while True»:\n"
      "    # wait for the worker\n"
      "    if not t.is_alive() and _check_ready(t):\n"
      "        break\n"
      "    continue\n"
      "«while q.empty()»: pass\n");
  CHECK(rangesOf("PH404", source.text) == source.ranges);
}

TEST_CASE("PH404 leaves loops that wait or work alone") {
  CHECK(rangesOf("PH404",
                 "while not flag.is_set():\n"
                 "    flag.wait(0.1)\n"
                 "while True:\n"
                 "    if ready():\n"
                 "        break\n"
                 "    else:\n"
                 "        pass\n"
                 "while lock.acquire(False):\n"
                 "    pass\n"
                 "while items[0]:\n"
                 "    pass\n"
                 "while x:\n"
                 "    pass\n"
                 "else:\n"
                 "    pass\n"
                 "while True:\n"
                 "    if done:\n"
                 "        x = 1\n"
                 "        break\n")
            .empty());
}

TEST_CASE("PH404 messages differ in async def") {
  auto findings = findingsOf("PH404",
                             "def f(job):\n"
                             "    while not job.done: pass\n"
                             "async def g(job):\n"
                             "    while not job.done: pass\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "Busy wait: the loop re-tests its condition without blocking and spins a CPU core; wait "
        "on a `threading.Event` or a queue, or sleep between tests");
  CHECK(findings[1].message ==
        "Busy wait in `async def`: the loop re-tests its condition without awaiting, so no other "
        "task runs until it ends; await an `asyncio.Event` instead");
  CHECK_FALSE(findings[0].fix);
}
