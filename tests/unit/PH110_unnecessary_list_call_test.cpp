// PH110 unnecessary-list-call on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH110 flags copies that nothing needs") {
  AnnotatedSource source = annotate(
      "def f(a, b, c):\n"
      "    for x in «list(a)»:\n"
      "        print(x, «list(c)»[0])\n"
      "    return sorted(«list(b)»), list(c)[0]\n");
  CHECK(rangesOf("PH110", source.text) == source.ranges);
}

TEST_CASE("PH110 fix safety follows what the loop may do") {
  auto safetyOf = [](const std::string& text) {
    auto findings = findingsOf("PH110", text);
    REQUIRE(findings.size() == 1);
    REQUIRE(findings[0].fix);
    return findings[0].fix->safety;
  };
  // A dict made here, and a loop that only prints: safe.
  CHECK(safetyOf("def f(s):\n    d = dict(s)\n    for k in list(d):\n        print(k)\n") ==
        FixSafety::Safe);
  // Given another name before the loop: unsafe.
  CHECK(safetyOf(
            "def f(s):\n    d = dict(s)\n    e = d\n    for k in list(d):\n        print(k)\n") ==
        FixSafety::Unsafe);
  // A parameter may be a generator: unsafe.
  CHECK(safetyOf("def f(d):\n    for k in list(d):\n        print(k)\n") == FixSafety::Unsafe);
  // A call that could reach the dict through another name: unsafe.
  CHECK(safetyOf("def f(s, g):\n    d = dict(s)\n    for k in list(d):\n        g(k)\n") ==
        FixSafety::Unsafe);
  CHECK(safetyOf("def f(s):\n    return sorted(list(s), reverse=True)\n") == FixSafety::Safe);
  CHECK(safetyOf("def f(s):\n    while s:\n        print(list(s)[0])\n") == FixSafety::Unsafe);
}

TEST_CASE("PH110 fixes keep the rest of the line") {
  CHECK(fixedBy("PH110", "for s in t:\n    print(list(x for x in s)[0] + 1)\n") ==
        "for s in t:\n    print(next(iter(x for x in s)) + 1)\n");
  CHECK(fixedBy("PH110", "def f(s):\n    if s:\n        for k in list(s):\n            print(k)\n",
                false) ==
        "def f(s):\n    if s:\n        for k in list(s):\n            print(k)\n");
  CHECK(
      fixedBy("PH110", "def f(s):\n    if s:\n        for k in list(s):\n            print(k)\n") ==
      "def f(s):\n    if s:\n        for k in s:\n            print(k)\n");
}

TEST_CASE("PH110 leaves alone copies that protect the loop or are kept") {
  CHECK(findingsOf("PH110", "def f(d):\n    for k in list(d):\n        d.pop(k)\n").empty());
  CHECK(findingsOf("PH110", "def f(d):\n    for k in list(d):\n        del d[k]\n").empty());
  CHECK(findingsOf("PH110", "def f(d):\n    for k in list(d):\n        d = k\n").empty());
  CHECK(findingsOf("PH110", "def f():\n    for k in list(G):\n        g(k)\n").empty());
  CHECK(findingsOf("PH110", "def f(d):\n    c = list(d)\n    return c[1]\n").empty());
  CHECK(findingsOf("PH110", "def list(x):\n    return x\nfor d in e:\n    print(list(d)[0])\n")
            .empty());
  CHECK(findingsOf("PH110", "def f(d):\n    return list(d)[0]\n").empty());
  CHECK(findingsOf("PH110", "x = list(d)[0]\n").empty());
}
