// PH306 reference-cycle on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH306 flags methods that link two objects both ways") {
  AnnotatedSource source = annotate(
      "class Tree:\n"
      "    def «__init__»(self, parent):\n"
      "        self.up = parent\n"
      "        parent.kids[id(self)] = self\n"
      "    def «link»(self, other):\n"
      "        self.peers.add(other)\n"
      "        other.peer = self\n"
      "for i in range(3):\n"
      "    Tree(None)\n");
  CHECK(rangesOf("PH306", source.text) == source.ranges);
  auto findings = findingsOf("PH306", source.text);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].severity == Severity::Hint);
  CHECK_FALSE(findings[0].fix);
}

TEST_CASE("PH306 leaves one-way links and weak references alone") {
  const std::string cls =
      "class Tree:\n"
      "    def add(self, child):\n"
      "        child.parent = self\n"
      "        self.children.append(child)\n";
  CHECK(rangesOf("PH306", cls + "for i in range(3):\n    Tree()\n").size() == 1);
  CHECK(rangesOf("PH306", cls + "t = Tree()\n").empty());
  CHECK(rangesOf("PH306", "import weakref\n" + cls + "for i in range(3):\n    Tree()\n").empty());
  CHECK(rangesOf("PH306",
                 "class Tree:\n    def add(self, child):\n        self.children.append(child)\n"
                 "for i in range(3):\n    Tree()\n")
            .empty());
  CHECK(rangesOf("PH306",
                 "def add(self, child):\n    child.parent = self\n"
                 "    self.children.append(child)\n")
            .empty());
}
