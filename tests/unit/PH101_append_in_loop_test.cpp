// PH101 append-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH101 flags the append of a loop that only appends, after `name = []`") {
  AnnotatedSource source = annotate(
      "def f(xs):\n"
      "    out = []\n"
      "    for x in xs:\n"
      "        «out.append(x + 1)»\n"
      "    odd = []\n"
      "    for x in xs:\n"
      "        if x % 2:\n"
      "            «odd.append(x)»\n"
      "    return out, odd\n");
  CHECK(rangesOf("PH101", source.text) == source.ranges);
}

TEST_CASE("PH101 message and safe fix keep indentation") {
  std::string text =
      "class C:\n"
      "    def f(self, xs):\n"
      "        out = []\n"
      "        for x in xs:\n"
      "            if x:\n"
      "                out.append(x * 2)\n"
      "        return out\n";
  auto findings = findingsOf("PH101", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "`out` is built by `.append` in a loop; use a list comprehension");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Safe);
  CHECK(fixedBy("PH101", text, false) ==
        "class C:\n"
        "    def f(self, xs):\n"
        "        out = [x * 2 for x in xs if x]\n"
        "        return out\n");
}

TEST_CASE("PH101 parenthesises iterables and conditions a comprehension needs wrapped") {
  CHECK(fixedBy("PH101",
                "def f(a, b, c):\n"
                "    out = []\n"
                "    for x in a, b:\n"
                "        if y := c(x):\n"
                "            out.append(y)\n"
                "    return out\n") ==
        "def f(a, b, c):\n"
        "    out = [y for x in (a, b) if (y := c(x))]\n"
        "    return out\n");
}

TEST_CASE("PH101 fix is unsafe when the loop variable is read after the loop") {
  std::string text =
      "def f(xs):\n"
      "    out = []\n"
      "    for x in xs:\n"
      "        out.append(x + 1)\n"
      "    return out, x\n";
  auto findings = findingsOf("PH101", text);
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH101", text, false) == text);
}

TEST_CASE("PH101 fix stays safe when a later loop rebinds the variable before reading it") {
  auto findings = findingsOf("PH101",
                             "def f(xs, ys):\n"
                             "    out = []\n"
                             "    for x in xs:\n"
                             "        out.append(x + 1)\n"
                             "    for x in ys:\n"
                             "        print(x)\n"
                             "    print([x for x in ys])\n");
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Safe);
}

TEST_CASE("PH101 fix is unsafe when an exception could leave a partly built list in view") {
  auto findings = findingsOf("PH101",
                             "def f(xs):\n"
                             "    out = None\n"
                             "    try:\n"
                             "        out = []\n"
                             "        for x in xs:\n"
                             "            out.append(int(x))\n"
                             "    finally:\n"
                             "        print(out)\n");
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
}

TEST_CASE("PH101 offers no fix when a comment would be lost") {
  auto findings = findingsOf("PH101",
                             "def f(xs):\n"
                             "    out = []\n"
                             "    for x in xs:  # why\n"
                             "        out.append(x + 1)\n"
                             "    return out\n");
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
}

TEST_CASE("PH101 leaves alone loops a comprehension cannot replace") {
  CHECK(findingsOf("PH101",
                   "async def f(xs):\n"
                   "    out = []\n"
                   "    async for x in xs:\n"
                   "        out.append(x)\n"
                   "    seen = []\n"
                   "    for x in xs:\n"
                   "        if x not in seen:\n"
                   "            seen.append(x)\n"
                   "    more = []\n"
                   "    for x in xs:\n"
                   "        more.append(x)\n"
                   "        print(x)\n")
            .empty());
}

TEST_CASE("PH101 leaves a plain copy to PH109") {
  CHECK(findingsOf("PH101",
                   "def f(xs):\n"
                   "    out = []\n"
                   "    for x in xs:\n"
                   "        out.append(x)\n"
                   "    return out\n")
            .empty());
}

TEST_CASE("PH101 reports nesting depth") {
  auto findings = findingsOf("PH101",
                             "for row in grid:\n"
                             "    cells = []\n"
                             "    for cell in row:\n"
                             "        cells.append(cell * 2)\n"
                             "    print(cells)\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].loopDepth == 2);
  CHECK(
      findings[0].message ==
      "`cells` is built by `.append` in a loop; use a list comprehension (inside 2 nested loops)");
}
