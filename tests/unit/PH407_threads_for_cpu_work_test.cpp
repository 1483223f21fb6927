// PH407 threads-for-cpu-work on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH407 flags thread pools running functions that only compute") {
  AnnotatedSource source = annotate(
      "from concurrent import futures\n"
      "def work(n):\n"
      "    return sum(i * i for i in range(n)) + helper(n)\n"
      "def helper(n):\n"
      "    t = 0\n"
      "    while n:\n"
      "        n -= 1\n"
      "    return t\n"
      "def wait(n):\n"
      "    for i in range(n):\n"
      "        input()\n"
      "with futures.ThreadPoolExecutor() as pool:\n"
      "    «pool.map(helper, [1, 2])»\n"
      "    pool.map(work, [1, 2])\n"
      "    pool.map(wait, [1, 2])\n");
  CHECK(rangesOf("PH407", source.text) == source.ranges);
}

TEST_CASE("PH407 follows calls to module functions and needs a loop in the target itself") {
  AnnotatedSource source = annotate(
      "import threading\n"
      "def inner(n):\n"
      "    return [i for i in range(n)]\n"
      "def outer(n):\n"
      "    for _ in range(3):\n"
      "        inner(n)\n"
      "def loud(n):\n"
      "    for _ in range(3):\n"
      "        print(n)\n"
      "for n in range(4):\n"
      "    «threading.Thread(target=outer, args=(n,))»\n"
      "    threading.Thread(target=loud, args=(n,))\n"
      "    threading.Thread(target=inner, args=(n,))\n");
  CHECK(rangesOf("PH407", source.text) == source.ranges);
}

TEST_CASE("PH407 message") {
  auto findings = findingsOf("PH407",
                             "from concurrent.futures import ThreadPoolExecutor\n"
                             "def work(n):\n"
                             "    for i in range(n):\n"
                             "        n += i\n"
                             "ThreadPoolExecutor(4).map(work, [1, 2])\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`ThreadPoolExecutor(4).map` runs `work` in threads, but it only computes: the "
        "interpreter lock lets one thread run at a time; use ProcessPoolExecutor or "
        "multiprocessing.Pool");
}
