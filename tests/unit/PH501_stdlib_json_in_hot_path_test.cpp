// PH501 stdlib-json-in-hot-path on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH501 flags json calls on the loop's item") {
  AnnotatedSource source = annotate(
      "import json as j\n"
      "for row in rows:\n"
      "    «j.dumps(row)»\n"
      "    j.dumps(config)\n"
      "[«j.loads(s)» for s in lines]\n"
      "for n in [1, 2, 3]:\n"
      "    j.dumps(n)\n"
      "for n in range(1000):\n"
      "    «j.dumps(n)»\n"
      "while rows:\n"
      "    j.dumps(rows.pop())\n"
      "j.dumps(rows)\n");
  CHECK(rangesOf("PH501", source.text) == source.ranges);
}

TEST_CASE("PH501 message, severity and no fix") {
  auto findings = findingsOf("PH501",
                             "import json\n"
                             "def f(rows):\n"
                             "    return [json.dumps(r) for r in rows]\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`json.dumps` on every pass of a loop; encode or decode the batch in one call, reuse an "
        "encoder, or use a faster library such as orjson");
  CHECK(findings[0].severity == Severity::Hint);
  CHECK_FALSE(findings[0].fix);
}
