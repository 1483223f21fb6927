// PH706 deepcopy-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH706 flags copy.deepcopy of a loop-invariant value, through aliases") {
  AnnotatedSource source = annotate(
      "import copy\n"
      "from copy import deepcopy as dc\n"
      "for x in xs:\n"
      "    y = «copy.deepcopy(base)»\n"
      "while xs:\n"
      "    «dc(self.template)»\n"
      "zs = [«dc(t)» for z in xs]\n");
  CHECK(rangesOf("PH706", source.text) == source.ranges);
}

TEST_CASE("PH706 leaves other copies alone") {
  CHECK(rangesOf("PH706",
                 "import copy\n"
                 "y = copy.deepcopy(x)\n"
                 "for x in xs:\n"
                 "    copy.copy(base)\n"
                 "    deepcopy(base)\n"
                 "    copy.deepcopy(x)\n"
                 "    copy.deepcopy(base, memo)\n"
                 "def f(copy, xs):\n"
                 "    return [copy.deepcopy(base) for x in xs]\n")
            .empty());
}

TEST_CASE("PH706 is a hint with no fix") {
  auto findings = findingsOf("PH706", "import copy\nfor x in xs:\n    copy.deepcopy(base)\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == Severity::Hint);
  CHECK_FALSE(findings[0].fix);
}
