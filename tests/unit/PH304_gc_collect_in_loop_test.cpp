// PH304 gc-collect-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH304 flags gc.collect() in loops, through aliases") {
  AnnotatedSource source = annotate(
      "import gc\n"
      "import gc as g\n"
      "from gc import collect as c\n"
      "for x in xs:\n"
      "    «gc.collect()»\n"
      "    «g.collect()»\n"
      "    «c()»\n"
      "ys = [«gc.collect()» for y in xs]\n");
  CHECK(rangesOf("PH304", source.text) == source.ranges);
}

TEST_CASE("PH304 leaves single and deliberate collections alone") {
  CHECK(rangesOf("PH304",
                 "import gc\n"
                 "gc.collect()\n"
                 "for _ in range(3):\n"
                 "    gc.collect()\n"
                 "while gc.collect():\n"
                 "    pass\n"
                 "def f(gc, xs):\n"
                 "    for x in xs:\n"
                 "        gc.collect()\n")
            .empty());
  // Not the gc module.
  CHECK(rangesOf("PH304", "for x in xs:\n    collect()\n    x.collect()\n").empty());
}

TEST_CASE("PH304 warns with no fix") {
  auto findings = findingsOf("PH304", "import gc\nfor i in range(100):\n    gc.collect()\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == Severity::Warning);
  CHECK_FALSE(findings[0].fix);
  CHECK(findings[0].message.starts_with("`gc.collect()` on every pass"));
}
