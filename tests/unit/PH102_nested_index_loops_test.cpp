// PH102 nested-index-loops on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH102 flags element-wise arithmetic in nested index loops and comprehensions") {
  AnnotatedSource source = annotate(
      "def f(a, b, c, n):\n"
      "    for i in range(n):\n"
      "        for j in range(n):\n"
      "            c[i][j] = «a[i][j] - 2 * b[i][j]»\n"
      "    return [[«-a[i][j] + 1» for j in range(n)] for i in range(n)]\n");
  CHECK(rangesOf("PH102", source.text) == source.ranges);
}

TEST_CASE("PH102 message shows the array expression") {
  auto findings = findingsOf("PH102",
                             "def f(a, b, c, n):\n"
                             "    for i in range(n):\n"
                             "        for j in range(n):\n"
                             "            c[i][j] = a[i][j] * b[i][j] + 1\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "Element-wise arithmetic in nested index loops; with NumPy arrays it is one expression: "
        "`c[:] = a * b + 1`");
  CHECK(findings[0].severity == Severity::Hint);
  CHECK_FALSE(findings[0].fix);
  auto total = findingsOf("PH102",
                          "t = 0\n"
                          "for i in range(3):\n"
                          "    for j in range(3):\n"
                          "        t += m.x[i, j] * 2\n");
  REQUIRE(total.size() == 1);
  CHECK(total[0].message.find("`t += (m.x * 2).sum()`") != std::string::npos);
}

TEST_CASE("PH102 skips other index patterns and bodies") {
  CHECK(rangesOf("PH102",
                 "for i in range(3):\n"
                 "    for j in range(3):\n"
                 "        c[i][j] = a[i][j] + b[j][i]\n"
                 "for i in range(3):\n"
                 "    for j in range(3):\n"
                 "        c[i][j] = a[i][j] + i\n"
                 "for i in range(3):\n"
                 "    for j in range(3):\n"
                 "        c[i][j] = a[i][j] + 1\n"
                 "        d[i][j] = a[i][j] + 2\n"
                 "for i in range(3):\n"
                 "    for j in range(3):\n"
                 "        c[i][j] = f(a[i][j]) + 1\n")
            .empty());
}
