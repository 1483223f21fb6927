// PH107 list-pop-front on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH107 flags pop(0) and insert(0, x) repeated in loops") {
  AnnotatedSource source = annotate(
      "def f(items, out):\n"
      "    q = list(items)\n"
      "    while q:\n"
      "        out.append(«q.pop(0)»)\n"
      "    for x in items:\n"
      "        «out.insert(0, x)»\n"
      "    work = [1]\n"
      "    while work:\n"
      "        n = «work.pop(0)»\n"
      "        work.extend(g(n))\n"
      "    q.pop(0)\n");
  CHECK(rangesOf("PH107", source.text) == source.ranges);
}

TEST_CASE("PH107 message names the deque method, with no fix") {
  auto findings = findingsOf("PH107", "q = sorted(s)\nwhile q:\n    q.pop(0)\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`q.pop(0)` moves every remaining item on each call; use a `collections.deque` and "
        "`popleft()`");
  CHECK_FALSE(findings[0].fix);
  findings = findingsOf("PH107", "for x in y:\n    self.q.insert(0, x)\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`self.q.insert(0, ...)` moves every item on each call; use a `collections.deque` and "
        "`appendleft()`");
}

TEST_CASE("PH107 leaves alone deques, dicts, other indexes and lists made on each pass") {
  CHECK(findingsOf("PH107",
                   "import collections\n"
                   "q = collections.deque()\n"
                   "while q:\n"
                   "    q.insert(0, 1)\n")
            .empty());
  CHECK(findingsOf("PH107", "d = {}\nwhile d:\n    d.pop(0)\n").empty());
  CHECK(findingsOf("PH107", "while q:\n    q.pop(1)\n    q.pop()\n    q.insert(1, 2)\n").empty());
  CHECK(findingsOf("PH107", "for line in f:\n    w = line.split()\n    w.pop(0)\n").empty());
  CHECK(findingsOf("PH107", "def f(q):\n    while q and not q[0]:\n        q.pop(0)\n").empty());
  CHECK(findingsOf("PH107", "for x in y:\n    if x:\n        q.insert(0, x)\n").empty());
  CHECK(findingsOf("PH107", "import sys\nfor x in y:\n    sys.path.insert(0, x)\n").empty());
}
