// PH701 list-membership-literal on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH701 flags constant lists and tuples tested in loops and comprehensions only") {
  AnnotatedSource source = annotate(
      "def f(x):\n"
      "    return x in [1, 2, 3]\n"
      "for y in range(3):\n"
      "    print(y not in «('a', 'b')»)\n"
      "print(3 in [1, 2])\n"
      "def g(xs):\n"
      "    return [x for x in xs if x in «[1, 2]»]\n");
  CHECK(rangesOf("PH701", source.text) == source.ranges);
}

TEST_CASE("PH701 message and unsafe fix") {
  std::string text = "def f(xs):\n    return [x in [1, 2] for x in xs]\n";
  auto findings = findingsOf("PH701", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "Membership test against a list of constants; use a set literal");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH701", text) == "def f(xs):\n    return [x in {1, 2} for x in xs]\n");
  CHECK(fixedBy("PH701", text, false) == text);
}

TEST_CASE("PH701 reports nesting depth") {
  auto findings = findingsOf("PH701",
                             "for a in b:\n"
                             "    for c in d:\n"
                             "        e = c in [1, 2]\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "Membership test against a list of constants; use a set literal (inside 2 nested loops)");
  CHECK(findings[0].loopDepth == 2);
  CHECK(findings[0].severity == Severity::Warning);
}
