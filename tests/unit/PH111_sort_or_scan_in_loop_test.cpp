// PH111 sort-or-scan-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH111 flags sorts and scans of values the loop leaves alone") {
  AnnotatedSource source = annotate(
      "def f(data, keys):\n"
      "    order = list(data)\n"
      "    for k in keys:\n"
      "        print(«sorted(data)», «max(data, key=len)», «order.index(k)»)\n"
      "        print(k in «[d.name for d in data]»)\n");
  CHECK(rangesOf("PH111", source.text) == source.ranges);
}

TEST_CASE("PH111 messages say what to compute once") {
  auto message = [](const std::string& text) {
    auto findings = findingsOf("PH111", text);
    REQUIRE(findings.size() == 1);
    CHECK_FALSE(findings[0].fix);
    return findings[0].message;
  };
  CHECK(message("def f(d, ks):\n    for k in ks:\n        print(sorted(d))\n") ==
        "`sorted(d)` sorts the same items again on every pass of the loop; sort once before "
        "the loop");
  CHECK(message("def f(d, ks):\n    for k in ks:\n        print(min(d))\n") ==
        "`min(d)` scans the same items again on every pass of the loop; compute it once before "
        "the loop");
  CHECK(message("def f(d, ks):\n    o = list(d)\n    for k in ks:\n        print(o.count(k))\n") ==
        "`o.count(...)` scans the whole list on every pass of the loop; count once before the "
        "loop with `collections.Counter`");
  CHECK(message("def f(d, ks):\n    o = list(d)\n    for k in ks:\n        print(o.index(1))\n") ==
        "`o.index(...)` gives the same result on every pass of the loop; compute it once before "
        "the loop");
}

TEST_CASE("PH111 leaves alone values that change or may change") {
  CHECK(findingsOf("PH111", "def f(d, ks):\n    for k in ks:\n        print(sorted(k))\n").empty());
  CHECK(findingsOf("PH111",
                   "def f(d, ks):\n    for k in ks:\n        d.append(k)\n        print(max(d))\n")
            .empty());
  CHECK(findingsOf("PH111", "def f(a, ks):\n    for k in ks:\n        print(max(a, k))\n").empty());
  CHECK(findingsOf("PH111", "def f(ks):\n    for k in ks:\n        g()\n        print(max(G))\n")
            .empty());
  CHECK(
      findingsOf("PH111", "def f(s, ks):\n    for k in ks:\n        print(s.index(k))\n").empty());
  CHECK(findingsOf("PH111", "def f(s, ks):\n    for k in ks:\n        print(k in list(g(s)))\n")
            .empty());
  CHECK(findingsOf("PH111",
                   "def f(s, ks):\n    o = list(s)\n    for k in ks:\n        print(k in o)\n")
            .empty());
}
