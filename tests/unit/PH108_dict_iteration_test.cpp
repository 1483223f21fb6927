// PH108 dict-iteration on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH108 flags lookups of the loop key and unused halves of items()") {
  AnnotatedSource source = annotate(
      "def f(e):\n"
      "    d = {}\n"
      "    for «k in d»:\n"
      "        print(k, d[k])\n"
      "    for «_», v in d.items():\n"
      "        print(v)\n"
      "    for a, «b» in e.items():\n"
      "        print(a)\n"
      "    for k in d:\n"
      "        d[k] = 1\n");
  CHECK(rangesOf("PH108", source.text) == source.ranges);
}

TEST_CASE("PH108 lookup fix uses items() or values() and a fresh name") {
  CHECK(fixedBy("PH108",
                "def f(xs):\n"
                "    d = dict(xs)\n"
                "    for k in d:\n"
                "        print(k, d[k])\n") ==
        "def f(xs):\n"
        "    d = dict(xs)\n"
        "    for k, value in d.items():\n"
        "        print(k, value)\n");
  CHECK(fixedBy("PH108",
                "D = {}\n"
                "def f(value):\n"
                "    for k in D.keys():\n"
                "        value += D[k]\n"
                "    return value\n") ==
        "D = {}\n"
        "def f(value):\n"
        "    for val in D.values():\n"
        "        value += val\n"
        "    return value\n");
}

TEST_CASE("PH108 fixes are safe only for a local dict") {
  std::string known =
      "def f(rows):\n"
      "    d = {r: 1 for r in rows}\n"
      "    n = 0\n"
      "    for k in d:\n"
      "        n += d[k]\n"
      "    return n\n";
  CHECK(fixedBy("PH108", known, false) ==
        "def f(rows):\n"
        "    d = {r: 1 for r in rows}\n"
        "    n = 0\n"
        "    for value in d.values():\n"
        "        n += value\n"
        "    return n\n");
  std::string unknown = "def f(d):\n    for k, v in d.items():\n        print(v)\n";
  CHECK(fixedBy("PH108", unknown, false) == unknown);
  CHECK(fixedBy("PH108", unknown) == "def f(d):\n    for v in d.values():\n        print(v)\n");
  // A call in the body could store a new value that `d[k]` would see.
  auto findings = findingsOf("PH108",
                             "def f():\n"
                             "    d = dict()\n"
                             "    for k in d:\n"
                             "        g(d[k])\n");
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
}

TEST_CASE("PH108 leaves lookups in mappings not known to be dicts") {
  CHECK(findingsOf("PH108", "def f(d):\n    for k in d:\n        print(d[k])\n").empty());
  CHECK(findingsOf("PH108",
                   "def f(e):\n"
                   "    d = {}\n"
                   "    if e:\n"
                   "        d = e\n"
                   "    for k in d:\n"
                   "        print(d[k])\n")
            .empty());
  CHECK(findingsOf("PH108",
                   "D = {}\n"
                   "def g():\n"
                   "    global D\n"
                   "    D = h()\n"
                   "def f():\n"
                   "    for k in D:\n"
                   "        print(D[k])\n")
            .empty());
}

TEST_CASE("PH108 leaves module-level tables written out in the source") {
  CHECK(findingsOf("PH108",
                   "T = {1: 2}\n"
                   "def f():\n"
                   "    for k in T:\n"
                   "        print(T[k])\n"
                   "    for k, v in T.items():\n"
                   "        print(v)\n")
            .empty());
}

TEST_CASE("PH108 keeps names read after the loop") {
  CHECK(findingsOf("PH108",
                   "def f(d):\n"
                   "    for k, v in d.items():\n"
                   "        print(v)\n"
                   "    return k\n")
            .empty());
  CHECK(fixedBy("PH108",
                "def f():\n"
                "    d = {}\n"
                "    for k in d:\n"
                "        print(d[k])\n"
                "    return k\n") ==
        "def f():\n"
        "    d = {}\n"
        "    for k, value in d.items():\n"
        "        print(value)\n"
        "    return k\n");
}
