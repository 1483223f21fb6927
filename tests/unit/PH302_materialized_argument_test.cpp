// PH302 materialized-argument on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH302 flags list comprehensions given to any, all and set, and early-exit loops") {
  AnnotatedSource source = annotate(
      "def f(xs):\n"
      "    a = any(«[x > 1 for x in xs]»)\n"
      "    b = all(«[x for x in xs if x]»)\n"
      "    c = set(«[str(x) for x in xs]»)\n"
      "    d = sum([x for x in xs])\n"
      "    e = ''.join([str(x) for x in xs])\n"
      "    for y in «[x + 1 for x in xs]»:\n"
      "        if y:\n"
      "            return y\n"
      "    for y in [x + 1 for x in xs]:\n"
      "        print(y)\n"
      "    return a, b, c, d, e\n");
  CHECK(rangesOf("PH302", source.text) == source.ranges);
}

TEST_CASE("PH302 any/all fix is safe only for plain elements over fresh iterables") {
  auto safetyOf = [](const std::string& text) {
    auto findings = findingsOf("PH302", text);
    REQUIRE(findings.size() == 1);
    REQUIRE(findings[0].fix);
    return findings[0].fix->safety;
  };
  CHECK(safetyOf("any([x.ok for x in range(9)])\n") == FixSafety::Safe);
  CHECK(safetyOf("any([v > 1 for k, v in d.items() if k])\n") == FixSafety::Safe);
  CHECK(safetyOf("any([x.ok for x in (a, b)])\n") == FixSafety::Safe);
  // A name may be an iterator, which the generator leaves partly consumed.
  CHECK(safetyOf("any([x.ok for x in xs])\n") == FixSafety::Unsafe);
  // A subscript may raise where short-circuiting would skip it.
  CHECK(safetyOf("all([d[x] for x in range(9)])\n") == FixSafety::Unsafe);
  CHECK(safetyOf("all([isinstance(x, int) for x in range(9)])\n") == FixSafety::Unsafe);
}

TEST_CASE("PH302 fixes keep the call and indentation") {
  CHECK(fixedBy("PH302", "def f(xs):\n    return any([x > 1 for x in xs])\n") ==
        "def f(xs):\n    return any(x > 1 for x in xs)\n");
  CHECK(fixedBy("PH302", "def f(xs):\n    return set([x.lower() for x in xs if x])\n", false) ==
        "def f(xs):\n    return {x.lower() for x in xs if x}\n");
  CHECK(fixedBy("PH302",
                "def f(xs):\n"
                "    for y in [x for x in xs]:\n"
                "        break\n") ==
        "def f(xs):\n"
        "    for y in (x for x in xs):\n"
        "        break\n");
}

TEST_CASE("PH302 leaves comprehensions that may be eager on purpose") {
  CHECK(findingsOf("PH302", "ok = all([f.is_valid() for f in forms])\n").empty());
  CHECK(findingsOf("PH302", "for r in [f.result() for f in fs]:\n    break\n").empty());
  CHECK(rangesOf("PH302", "ok = all([x.strip() for x in xs])\n").size() == 1);
}

TEST_CASE("PH302 leaves rebound names and trailing commas alone") {
  CHECK(findingsOf("PH302", "any = print\nany([x for x in xs])\n").empty());
  CHECK(findingsOf("PH302", "def f(xs):\n    all = g\n    return all([x for x in xs])\n").empty());
  CHECK(findingsOf("PH302", "any([x for x in xs],)\n").empty());
  CHECK(findingsOf("PH302", "for x in [y for y in xs]:\n    for z in x:\n        break\n").empty());
}
