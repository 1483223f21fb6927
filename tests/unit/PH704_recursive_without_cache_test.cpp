// PH704 recursive-without-cache on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

namespace {
const std::string kFib =
    "def fib(n):\n"
    "    if n < 2:\n"
    "        return n\n"
    "    return fib(n - 1) + fib(n - 2)\n";
}

TEST_CASE("PH704 flags pure recurrences with overlapping self-calls") {
  AnnotatedSource source = annotate(
      "def «fib»(n):\n"
      "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
      "def «ways»(n):\n"
      "    total = 0\n"
      "    while n > 0:\n"
      "        total += ways(n - 1)\n"
      "        n -= 1\n"
      "    return total + 1\n"
      "def «grid»(r, c):\n"
      "    if r == 0:\n"
      "        return 1\n"
      "    a = grid(r - 1, c) if c else 0\n"
      "    return a + grid(r, c - 1)\n");
  CHECK(rangesOf("PH704", source.text) == source.ranges);
}

TEST_CASE("PH704 leaves impure, non-overlapping and decorated recursion alone") {
  // One self-call per call: the first branch returns.
  CHECK(
      rangesOf("PH704", "def f(n):\n    if n % 2:\n        return f(n - 1)\n    return f(n - 2)\n")
          .empty());
  // Already cached, or decorated in a way the rule does not know.
  CHECK(rangesOf("PH704", "import functools\n@functools.cache\n" + kFib).empty());
  // Computed arguments: divide and conquer.
  CHECK(rangesOf("PH704", "def f(n):\n    return 1 if n < 2 else f(n // 2) + f(n // 2)\n").empty());
  // A builtin name the module rebinds.
  CHECK(rangesOf("PH704",
                 "def max(a, b):\n    return a\n"
                 "def f(n):\n    return 1 if n < 2 else max(f(n - 1), f(n - 2))\n")
            .empty());
  // Yields, calls methods, passes itself around.
  CHECK(rangesOf("PH704", "def f(n):\n    yield f(n - 1)\n    yield f(n - 2)\n").empty());
  CHECK(
      rangesOf("PH704", "def f(n, xs):\n    xs.append(n)\n    return f(n - 1, xs) + f(n - 2, xs)\n")
          .empty());
  CHECK(rangesOf("PH704", "def f(n):\n    return [f, f(n - 1), f(n - 2)]\n").empty());
  // *args and computed defaults.
  CHECK(rangesOf("PH704", "def f(*n):\n    return f(n - 1) + f(n - 2)\n").empty());
  CHECK(rangesOf("PH704", "def f(n=[]):\n    return f(n - 1) + f(n - 2)\n").empty());
}

TEST_CASE("PH704 fix adds or reuses the functools import") {
  CHECK(fixedBy("PH704", kFib) == "import functools\n@functools.cache\n" + kFib);
  CHECK(fixedBy("PH704", "import os\n\n" + kFib) ==
        "import functools\nimport os\n\n@functools.cache\n" + kFib);
  CHECK(fixedBy("PH704", "\"\"\"Doc.\"\"\"\nimport os\n" + kFib) ==
        "\"\"\"Doc.\"\"\"\nimport functools\nimport os\n@functools.cache\n" + kFib);
  CHECK(fixedBy("PH704", "import functools as ft\n" + kFib) ==
        "import functools as ft\n@ft.cache\n" + kFib);
  CHECK(fixedBy("PH704", "from functools import cache\n" + kFib) ==
        "from functools import cache\n@cache\n" + kFib);
  CHECK(fixedBy("PH704", "from functools import lru_cache as lru\n" + kFib) ==
        "from functools import lru_cache as lru\n@lru(maxsize=None)\n" + kFib);
  auto findings = findingsOf("PH704", kFib);
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH704", kFib, false) == kFib);
}
