// PH203 format-join-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH203 flags loops that only write flushed pieces") {
  AnnotatedSource source = annotate(
      "import sys\n"
      "for w in words:\n"
      "    «print(w, flush=True)»\n"
      "for w in words:\n"
      "    «f.write(w)»\n"
      "    f.write('\\n')\n"
      "    f.flush()\n"
      "def g(path, lines):\n"
      "    out = open(path, 'w', buffering=1)\n"
      "    for line in lines:\n"
      "        «out.write(line)»\n");
  CHECK(rangesOf("PH203", source.text) == source.ranges);
}

TEST_CASE("PH203 leaves buffered writes and progress output alone") {
  CHECK(rangesOf("PH203",
                 "for w in words:\n"
                 "    print(w)\n"
                 "    f.write(w)\n"
                 "for job in jobs:\n"
                 "    job.run()\n"
                 "    print('.', end='', flush=True)\n"
                 "for w in words:\n"
                 "    f.write(w)\n"
                 "    g.flush()\n"
                 "print(words, flush=True)\n")
            .empty());
}

TEST_CASE("PH203 is a hint with no fix") {
  auto findings = findingsOf("PH203", "for w in ws:\n    print(w, flush=True)\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == Severity::Hint);
  CHECK_FALSE(findings[0].fix);
}
