// PH707 len-comparison-on-generator on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH707 flags len() of a list comprehension or list(generator)") {
  AnnotatedSource source = annotate(
      "def f(xs):\n"
      "    a = «len(list(x for x in xs if x))»\n"
      "    b = «len(list(x for x in xs))» > 0\n"
      "    c = len(xs)\n"
      "    d = len([x for y in xs for x in y])\n"
      "    return a, b, c, d\n");
  CHECK(rangesOf("PH707", source.text) == source.ranges);
}

TEST_CASE("PH707 emptiness tests become any(), counts sum()") {
  CHECK(fixedBy("PH707", "def f(xs):\n    return len([x for x in xs if x > 1]) >= 1\n") ==
        "def f(xs):\n    return any(True for x in xs if x > 1)\n");
  CHECK(fixedBy("PH707", "def f(xs):\n    return len([x for x in xs if x > 1]) < 1\n") ==
        "def f(xs):\n    return not any(True for x in xs if x > 1)\n");
  CHECK(fixedBy("PH707", "def f(xs):\n    return len(list(x for x in xs if x > 1)) > 2\n", false) ==
        "def f(xs):\n    return sum(1 for x in xs if x > 1) > 2\n");
  CHECK(findingsOf("PH707", "def f(xs):\n    return len([x for x in xs if x > 1]) > 2\n").empty());
}

TEST_CASE("PH707 fix safety") {
  auto safetyOf = [](const std::string& text) {
    auto findings = findingsOf("PH707", text);
    REQUIRE(findings.size() == 1);
    REQUIRE(findings[0].fix);
    return findings[0].fix->safety;
  };
  CHECK(safetyOf("n = len(list(x for x in xs if f(x)))\n") == FixSafety::Safe);
  CHECK(safetyOf("n = len(list(f(x) for x in xs))\n") == FixSafety::Unsafe);
  CHECK(safetyOf("n = len([x for x in range(9) if x > 2]) > 0\n") == FixSafety::Safe);
  // `any` may leave an iterator half consumed.
  CHECK(safetyOf("n = len([x for x in xs if x > 2]) > 0\n") == FixSafety::Unsafe);
  CHECK(safetyOf("n = len([x for x in range(9) if f(x)]) > 0\n") == FixSafety::Unsafe);
}

TEST_CASE("PH707 leaves rebound names alone") {
  CHECK(findingsOf("PH707", "len = print\nlen([x for x in xs]) > 0\n").empty());
  CHECK(findingsOf("PH707", "def f(xs, list):\n    return len(list(x for x in xs))\n").empty());
}
