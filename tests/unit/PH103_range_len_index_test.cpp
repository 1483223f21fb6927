// PH103 range-len-index on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH103 flags range(len(seq)) when the index only reads seq[i]") {
  AnnotatedSource source = annotate(
      "def f(words, self):\n"
      "    for i in «range(len(words))»:\n"
      "        print(words[i], words[i])\n"
      "    for j in «range(len(self.rows))»:\n"
      "        print(self.rows[j])\n");
  CHECK(rangesOf("PH103", source.text) == source.ranges);
}

TEST_CASE("PH103 message and unsafe fix") {
  std::string text =
      "def f(words):\n"
      "    for i in range(len(words)):\n"
      "        print(words[i].upper())\n";
  auto findings = findingsOf("PH103", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "`words` is only read as `words[i]`; iterate over `words` directly");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH103", text, false) == text);
  CHECK(fixedBy("PH103", text) ==
        "def f(words):\n"
        "    for word in words:\n"
        "        print(word.upper())\n");
}

TEST_CASE("PH103 picks an item name the function does not use") {
  CHECK(fixedBy("PH103",
                "def f(lines, item):\n"
                "    line = item\n"
                "    for i in range(len(lines)):\n"
                "        print(lines[i], line)\n") ==
        "def f(lines, item):\n"
        "    line = item\n"
        "    for value in lines:\n"
        "        print(value, line)\n");
}

TEST_CASE("PH103 gives nested loops fixed together different names") {
  CHECK(fixedBy("PH103",
                "def f(a, b):\n"
                "    for i in range(len(a)):\n"
                "        for j in range(len(b)):\n"
                "            print(a[i], b[j])\n") ==
        "def f(a, b):\n"
        "    for item in a:\n"
        "        for value in b:\n"
        "            print(item, value)\n");
}

TEST_CASE("PH103 leaves alone loops that need the index or change the sequence") {
  CHECK(findingsOf("PH103",
                   "def f(xs, ys):\n"
                   "    for i in range(len(xs)):\n"
                   "        print(i, xs[i])\n"
                   "    for i in range(len(xs)):\n"
                   "        xs[i] = xs[i] + 1\n"
                   "    for i in range(len(xs)):\n"
                   "        print(xs[i] + ys[i])\n"
                   "    for i in range(len(xs)):\n"
                   "        xs.append(xs[i])\n"
                   "    for i in range(len(xs[0])):\n"
                   "        print(xs[0][i])\n")
            .empty());
}

TEST_CASE("PH103 leaves alone an index read after the loop, unless rebound first") {
  CHECK(findingsOf("PH103",
                   "def f(xs):\n"
                   "    for i in range(len(xs)):\n"
                   "        print(xs[i])\n"
                   "    else:\n"
                   "        print(i)\n")
            .empty());
  CHECK(findingsOf("PH103",
                   "def f(xs, ys):\n"
                   "    for i in range(len(xs)):\n"
                   "        print(xs[i])\n"
                   "    for i in range(3):\n"
                   "        print(i)\n")
            .size() == 1);
}

TEST_CASE("PH103 offers no fix in a class body") {
  auto findings = findingsOf("PH103",
                             "class C:\n"
                             "    XS = [1]\n"
                             "    for i in range(len(XS)):\n"
                             "        print(XS[i])\n");
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
}

TEST_CASE("PH103 ignores a rebound range or len") {
  CHECK(findingsOf("PH103",
                   "from numpy import arange as range\n"
                   "def f(xs):\n"
                   "    for i in range(len(xs)):\n"
                   "        print(xs[i])\n")
            .empty());
}
