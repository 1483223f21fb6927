// PH109 manual-copy-or-dict-build on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH109 flags plain copies, and dict fills at module level") {
  AnnotatedSource source = annotate(
      "def f(xs):\n"
      "    out = []\n"
      "    for x in xs:\n"
      "        «out.append(x)»\n"
      "    d = {}\n"
      "    for k, v in xs:\n"
      "        d[k] = v\n"
      "    more = []\n"
      "    for x in xs:\n"
      "        more.append(x + 1)\n"
      "    return out, d, more\n"
      "D = {}\n"
      "for k, v in XS:\n"
      "    if v:\n"
      "        «D[k] = v»\n");
  CHECK(rangesOf("PH109", source.text) == source.ranges);
}

TEST_CASE("PH109 copy fix is safe in a function and keeps indentation") {
  CHECK(fixedBy("PH109",
                "class C:\n"
                "    def f(self, xs):\n"
                "        out = []\n"
                "        for x in xs:\n"
                "            out.append(x)\n"
                "        return out\n",
                false) ==
        "class C:\n"
        "    def f(self, xs):\n"
        "        out = list(xs)\n"
        "        return out\n");
}

TEST_CASE("PH109 dict fix builds a comprehension, unsafe at module level") {
  std::string text =
      "D = {}\n"
      "for x in XS:\n"
      "    D[x.name] = x\n";
  auto findings = findingsOf("PH109", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "`D` is filled key by key in a loop; use a dict comprehension");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH109", text) == "D = {x.name: x for x in XS}\n");
}

TEST_CASE("PH109 offers no list() fix when `list` is rebound, and skips class bodies") {
  auto copy = findingsOf("PH109",
                         "list = tuple\n"
                         "def f(xs):\n"
                         "    out = []\n"
                         "    for x in xs:\n"
                         "        out.append(x)\n"
                         "    return out\n");
  REQUIRE(copy.size() == 1);
  CHECK_FALSE(copy[0].fix);
  CHECK(findingsOf("PH109",
                   "class C:\n"
                   "    N = 2\n"
                   "    d = {}\n"
                   "    for x in (1, 2):\n"
                   "        d[x] = x * N\n")
            .empty());
}
