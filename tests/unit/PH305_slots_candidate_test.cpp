// PH305 slots-candidate on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH305 flags plain classes whose instances a loop collects") {
  AnnotatedSource source = annotate(
      "class «P»:\n"
      "    def __init__(self, x):\n"
      "        self.x = x\n"
      "class Q:\n"
      "    def __init__(self, x):\n"
      "        self.x = x\n"
      "class «R»(object):\n"
      "    def __init__(self):\n"
      "        self.a = self.b = 0\n"
      "def build(xs):\n"
      "    return [P(x) for x in xs], Q(1), [R() for _ in xs]\n");
  CHECK(rangesOf("PH305", source.text) == source.ranges);
}

TEST_CASE("PH305 leaves classes that need a __dict__ alone") {
  const std::string loop = "for i in range(3):\n    p = P(i)\n    out[i] = p\n";
  const std::string plain = "class P:\n    def __init__(self, x):\n        self.x = x\n";
  CHECK(rangesOf("PH305", plain + loop).size() == 1);
  // Made and dropped on each iteration: few live at once.
  CHECK(rangesOf("PH305", plain + "for i in range(3):\n    p = P(i)\n    print(p.x)\n").empty());
  CHECK(rangesOf("PH305", plain + "p = P(1)\np.extra = 2\nvars(p)\n" + loop).empty());
  CHECK(rangesOf("PH305", plain + "import weakref\n" + loop).empty());
  CHECK(rangesOf("PH305", plain + "class Q(P):\n    pass\n" + loop).empty());
  CHECK(rangesOf("PH305",
                 "class P:\n    __slots__ = ()\n    def __init__(self, x):\n"
                 "        pass\n" +
                     loop)
            .empty());
  CHECK(rangesOf("PH305", "class P(Base):\n    def __init__(self, x):\n        self.x = x\n" + loop)
            .empty());
  CHECK(rangesOf("PH305",
                 "class P(metaclass=M):\n    def __init__(self, x):\n"
                 "        self.x = x\n" +
                     loop)
            .empty());
  CHECK(rangesOf("PH305",
                 "class P:\n    def __init__(self, x):\n        self.x = x\n"
                 "    @property\n    def x(self):\n        return self._x\n"
                 "    @x.setter\n    def x(self, v):\n        self._x = v\n" +
                     loop)
            .empty());
  CHECK(rangesOf("PH305", "def deco(c):\n    return c\n@deco\n" + plain + loop).empty());
  CHECK(rangesOf("PH305", "def f():\n    " + std::string("class P:\n        x = 1\n") +
                              "    for i in range(3):\n        P()\n")
            .empty());
}

TEST_CASE("PH305 fix inserts __slots__ at the body's indentation") {
  CHECK(fixedBy("PH305",
                "class P:\n"
                "    \"\"\"Doc.\"\"\"\n"
                "    def __init__(self, x):\n"
                "        self.x = x\n"
                "        self.y = None\n"
                "for i in range(3):\n"
                "    ps.append(P(i))\n") ==
        "class P:\n"
        "    \"\"\"Doc.\"\"\"\n"
        "    __slots__ = (\"x\", \"y\")\n"
        "    def __init__(self, x):\n"
        "        self.x = x\n"
        "        self.y = None\n"
        "for i in range(3):\n"
        "    ps.append(P(i))\n");
  CHECK(fixedBy("PH305",
                "class P:\n"
                "  def __init__(self, x):\n"
                "    self.x = x\n"
                "for i in range(3):\n"
                "  ps.append(P(i))\n") ==
        "class P:\n"
        "  __slots__ = (\"x\",)\n"
        "  def __init__(self, x):\n"
        "    self.x = x\n"
        "for i in range(3):\n"
        "  ps.append(P(i))\n");
  // A class attribute with the name of an instance attribute: flagged, no fix.
  auto findings = findingsOf("PH305",
                             "class P:\n    x = 0\n    def __init__(self):\n        self.x = 1\n"
                             "ps = [P() for i in range(3)]\n");
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
  // A dataclass: flagged, no fix.
  findings = findingsOf("PH305",
                        "from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\n"
                        "ps = {i: P(i) for i in range(3)}\n");
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
}
