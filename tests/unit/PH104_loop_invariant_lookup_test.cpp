// PH104 loop-invariant-lookup on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

// Not flagged: a call of unknown cost in the loop (print), a read in a branch, loops at module
// level or in comprehensions.
TEST_CASE("PH104 flags invariant chains and module attributes, once per chain") {
  AnnotatedSource source = annotate(
      "import math\n"
      "def f(self, xs):\n"
      "    for x in xs:\n"
      "        t = «math.floor»(x) + «self.a.b» - self.a.b + self.c\n"
      "    for x in xs:\n"
      "        print(math.floor(x))\n"
      "    for x in xs:\n"
      "        if x:\n"
      "            t = math.ceil(x)\n");
  CHECK(rangesOf("PH104", source.text) == source.ranges);
}

TEST_CASE("PH104 fix hoists before the loop with a free name") {
  CHECK(fixedBy("PH104",
                "def f(self, xs, threshold):\n"
                "    if xs:\n"
                "        for x in xs:\n"
                "            t = (x > self.config.threshold, self.config.threshold)\n") ==
        "def f(self, xs, threshold):\n"
        "    if xs:\n"
        "        config_threshold = self.config.threshold\n"
        "        for x in xs:\n"
        "            t = (x > config_threshold, config_threshold)\n");
  auto findings = findingsOf("PH104",
                             "import math\n"
                             "def f(xs):\n"
                             "    return [math.sqrt(x) for x in xs]\n"
                             "for x in range(100):\n"
                             "    t = math.sqrt(x)\n"
                             "def g(xs):\n"
                             "    for x in xs:\n"
                             "        t = math.sqrt(x)\n");
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(findings[0].message ==
        "`math.sqrt` is looked up on every pass and nothing in the loop changes it; read it into "
        "a local before the loop");
}

// The two fixes of the first loop come in separate rounds: the second finds `value` free again.
TEST_CASE("PH104 nested loops hoist from the outermost loop that allows it") {
  CHECK(fixedBy("PH104",
                "def f(rows, s):\n"
                "    for row in rows:\n"
                "        for c in row:\n"
                "            t = (c * s.a.value, row * s.b.value)\n") ==
        "def f(rows, s):\n"
        "    a_value = s.a.value\n"
        "    value = s.b.value\n"
        "    for row in rows:\n"
        "        for c in row:\n"
        "            t = (c * a_value, row * value)\n");
  CHECK(fixedBy("PH104",
                "def f(rows):\n"
                "    for row in rows:\n"
                "        for c in row:\n"
                "            t = c * row.a.value\n") ==
        "def f(rows):\n"
        "    for row in rows:\n"
        "        value = row.a.value\n"
        "        for c in row:\n"
        "            t = c * value\n");
}

TEST_CASE("PH104 skips loops that may change the chain") {
  CHECK(rangesOf("PH104",
                 "def f(self, xs):\n"
                 "    for x in xs:\n"
                 "        self.a.b += x * self.a.b\n"
                 "    for x in xs:\n"
                 "        del self.a\n"
                 "        t = x * self.a.b\n"
                 "    for self.a in xs:\n"
                 "        t = x * self.a.b\n"
                 "    for x in xs:\n"
                 "        g = self.a\n"
                 "        t = x * self.a.b\n"
                 "    for x in xs:\n"
                 "        t = x * self.a.b\n"
                 "        self.a.reset()\n")
            .empty());
}

TEST_CASE("PH104 hoists each chain of a loop in turn") {
  CHECK(fixedBy("PH104",
                "import os\n"
                "def f(path, words):\n"
                "    for word in words:\n"
                "        if os.path.dirname(word):\n"
                "            continue\n"
                "        path = os.path.join(path, word)\n"
                "    return path\n") ==
        "import os\n"
        "def f(path, words):\n"
        "    dirname = os.path.dirname\n"
        "    join = os.path.join\n"
        "    for word in words:\n"
        "        if dirname(word):\n"
        "            continue\n"
        "        path = join(path, word)\n"
        "    return path\n");
}

TEST_CASE("PH104 offers no fix for a chain split over lines") {
  auto findings = findingsOf("PH104",
                             "def f(self, xs):\n"
                             "    for x in xs:\n"
                             "        t = x * (self.a\n"
                             "                 .b)\n");
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
}
