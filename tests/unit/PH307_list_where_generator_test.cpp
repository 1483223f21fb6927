// PH307 list-where-generator on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

namespace {
const std::string kBuilder =
    "def _items(n):\n"
    "    out = []\n"
    "    for i in range(n):\n"
    "        out.append(i)\n"
    "    return out\n";
}

TEST_CASE("PH307 flags private list builders whose callers iterate once") {
  AnnotatedSource source = annotate(
      "def «_items»(n):\n"
      "    out = []\n"
      "    for i in range(n):\n"
      "        out.append(i)\n"
      "    return out\n"
      "print(max(_items(3)), any(_items(2)), {x for x in _items(4)})\n");
  CHECK(rangesOf("PH307", source.text) == source.ranges);
  auto findings = findingsOf("PH307", source.text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`_items` builds the whole list `out` but every caller iterates it once; `yield` the "
        "items instead");
}

TEST_CASE("PH307 leaves lists that callers need alone") {
  CHECK(rangesOf("PH307", kBuilder + "for x in _items(3):\n    pass\n").size() == 1);
  CHECK(rangesOf("PH307", kBuilder).empty());
  CHECK(rangesOf("PH307", kBuilder + "xs = _items(3)\n").empty());
  CHECK(rangesOf("PH307", kBuilder + "print(list(_items(3)))\n").empty());
  CHECK(rangesOf("PH307", kBuilder + "print(_items(3)[0])\n").empty());
  CHECK(rangesOf("PH307", kBuilder + "f = _items\n").empty());
  CHECK(rangesOf("PH307", kBuilder + "print(sum(_items(3), 0))\n").empty());
  CHECK(rangesOf("PH307", kBuilder + "def sum(x):\n    return 0\nprint(sum(_items(3)))\n").empty());
  CHECK(rangesOf("PH307",
                 "def items(n):\n    out = []\n    out.append(n)\n    return out\n"
                 "for x in items(3):\n    pass\n")
            .empty());
  CHECK(rangesOf("PH307",
                 "def _items(n):\n    out = []\n    out.append(n)\n    out.sort()\n    return out\n"
                 "for x in _items(3):\n    pass\n")
            .empty());
}
