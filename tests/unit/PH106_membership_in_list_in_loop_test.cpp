// PH106 membership-in-list-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH106 flags `in` over a list bound before the loop") {
  AnnotatedSource source = annotate(
      "def f(items, src):\n"
      "    names = [s.name for s in src]\n"
      "    for i in items:\n"
      "        print(«i in names»)\n"
      "    keep = list(src)\n"
      "    return [i for i in items if «i not in keep»]\n");
  CHECK(rangesOf("PH106", source.text) == source.ranges);
}

TEST_CASE("PH106 messages give the sizes that are literal") {
  auto message = [](const std::string& text) {
    auto findings = findingsOf("PH106", text);
    REQUIRE(findings.size() == 1);
    CHECK_FALSE(findings[0].fix);
    return findings[0].message;
  };
  CHECK(message("def f(v):\n"
                "    t = [1, 2, 3, 4, 5, 6, 7, 8]\n"
                "    for i in range(1000):\n"
                "        print(v[i] in t)\n") ==
        "`in` scans the list `t` item by item: up to 1000 × 8 comparisons; build a set from it "
        "once before the loop");
  CHECK(message("def f(v):\n"
                "    t = [1, 2, 3, 4, 5, 6, 7, 8]\n"
                "    for i in v:\n"
                "        print(i in t)\n") ==
        "`in` scans the list `t` item by item (8 items) on every pass; build a set from it once "
        "before the loop");
  CHECK(message("def f(v, s):\n"
                "    t = list(s)\n"
                "    return [v[i] in t for i in range(10, 60)]\n") ==
        "`in` scans the list `t` item by item on each of 50 passes; build a set from it once "
        "before the loop");
  CHECK(message("def f(v, s):\n"
                "    t = list(s)\n"
                "    while v:\n"
                "        print(v.pop() in t)\n") ==
        "`in` scans the list `t` item by item on every pass; build a set from it once before "
        "the loop");
}

TEST_CASE("PH106 leaves alone lists the loop changes, small lists and other names") {
  CHECK(findingsOf("PH106",
                   "def f(v, s):\n"
                   "    t = list(s)\n"
                   "    for i in v:\n"
                   "        if i not in t:\n"
                   "            t.append(i)\n")
            .empty());
  CHECK(findingsOf("PH106",
                   "def f(v):\n"
                   "    t = [1, 2, 3]\n"
                   "    for i in v:\n"
                   "        print(i in t)\n")
            .empty());
  CHECK(findingsOf("PH106",
                   "def f(v, t):\n"
                   "    for i in v:\n"
                   "        print(i in t)\n")
            .empty());
  CHECK(findingsOf("PH106",
                   "def f(v, s):\n"
                   "    t = list(s)\n"
                   "    for t in v:\n"
                   "        pass\n"
                   "    for i in v:\n"
                   "        print(i in t)\n")
            .empty());
  CHECK(findingsOf("PH106",
                   "def f(v, s):\n"
                   "    t = list(s)\n"
                   "    for i in v:\n"
                   "        t[0] = i\n"
                   "        print(i in t)\n")
            .empty());
}
