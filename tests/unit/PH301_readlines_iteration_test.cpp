// PH301 readlines-iteration on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH301 flags whole-file reads that feed one loop over a file opened here") {
  AnnotatedSource source = annotate(
      "def f(p):\n"
      "    with open(p) as fh:\n"
      "        for line in «fh.readlines()»:\n"
      "            print(line)\n"
      "        for line in «fh.read().splitlines()»:\n"
      "            print(line)\n"
      "        data = «fh.read()»\n"
      "        print([w for w in data.split('\\n')])\n"
      "    g = open(p)\n"
      "    rows = «g.readlines()»\n"
      "    return {row for row in rows}\n");
  CHECK(rangesOf("PH301", source.text) == source.ranges);
}

TEST_CASE("PH301 leaves files it cannot see opened, and reads that are needed whole") {
  CHECK(rangesOf("PH301", "def f(fh):\n    for line in fh.readlines():\n        pass\n").empty());
  CHECK(rangesOf("PH301",
                 "def f(p):\n    from gzip import open\n    with open(p) as fh:\n"
                 "        for line in fh.readlines():\n            pass\n")
            .empty());
  CHECK(rangesOf("PH301",
                 "with open(p) as fh:\n    lines = fh.readlines()\n"
                 "for line in lines:\n    pass\n")
            .empty());
  CHECK(rangesOf("PH301",
                 "with open(p) as fh:\n    lines = fh.readlines()\n"
                 "    for line in lines:\n        pass\n    print(lines)\n")
            .empty());
  CHECK(rangesOf("PH301",
                 "with open(p) as fh:\n    async def g():\n"
                 "        async for line in fh.readlines():\n            pass\n")
            .empty());
}

TEST_CASE("PH301 messages") {
  auto findings = findingsOf("PH301",
                             "with open(p) as fh:\n"
                             "    for line in fh.readlines():\n        pass\n"
                             "    for line in fh.read().splitlines():\n        pass\n"
                             "    text = fh.read()\n"
                             "    for line in text.splitlines():\n        pass\n");
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message ==
        "`readlines()` reads the whole file into a list before the loop starts; loop over `fh` "
        "itself");
  CHECK(findings[1].message ==
        "`read()` then splitting holds the whole file and all its lines in memory; loop over "
        "`fh` and strip the line ends");
  CHECK_FALSE(findings[1].fix);
  CHECK(findings[2].message ==
        "The whole file is read into memory only to be looped over once; loop over `fh` there "
        "instead");
  CHECK_FALSE(findings[2].fix);
}

TEST_CASE("PH301 fix is safe only when nothing else reads the file after the call") {
  std::string plain = "with open(p) as fh:\n    for line in fh.readlines():\n        print(line)\n";
  CHECK(fixedBy("PH301", plain, false) ==
        "with open(p) as fh:\n    for line in fh:\n        print(line)\n");

  std::string closed = "fh = open(p)\nfor line in fh.readlines():\n    print(line)\nfh.close()\n";
  CHECK(fixedBy("PH301", closed, false) ==
        "fh = open(p)\nfor line in fh:\n    print(line)\nfh.close()\n");

  std::string readsOn =
      "with open(p) as fh:\n    for line in fh.readlines():\n        break\n"
      "    rest = fh.read()\n";
  CHECK(fixedBy("PH301", readsOn, false) == readsOn);
  CHECK(fixedBy("PH301", readsOn) ==
        "with open(p) as fh:\n    for line in fh:\n        break\n    rest = fh.read()\n");

  // Run to completion, the loop leaves the file at its end either way.
  std::string completes =
      "with open(p) as fh:\n    for line in fh.readlines():\n        pass\n"
      "    rest = fh.read()\n";
  CHECK(fixedBy("PH301", completes, false) ==
        "with open(p) as fh:\n    for line in fh:\n        pass\n    rest = fh.read()\n");
  // A `break` in a nested loop does not stop this one; a `try` around it may.
  std::string nestedBreak =
      "with open(p) as fh:\n    for line in fh.readlines():\n"
      "        for c in line:\n            break\n    rest = fh.read()\n";
  CHECK(fixedBy("PH301", nestedBreak, false) != nestedBreak);
  std::string tried =
      "with open(p) as fh:\n    try:\n        for line in fh.readlines():\n"
      "            pass\n    except ValueError:\n        rest = fh.read()\n";
  CHECK(fixedBy("PH301", tried, false) == tried);

  std::string seeks =
      "def f(p):\n    with open(p) as fh:\n        for line in fh.readlines():\n"
      "            fh.seek(0)\n";
  CHECK(fixedBy("PH301", seeks, false) == seeks);

  std::string generator = "with open(p) as fh:\n    lines = (l for l in fh.readlines())\n";
  auto findings = findingsOf("PH301", generator);
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);

  // In a loop, a use before the call runs after it on the next iteration.
  std::string repeated =
      "fh = open(p)\nwhile True:\n    fh.seek(0)\n    for line in fh.readlines():\n"
      "        pass\n";
  CHECK(fixedBy("PH301", repeated, false) == repeated);

  std::string commented =
      "with open(p) as fh:\n    for line in fh.readlines(  # all\n    ):\n"
      "        pass\n";
  findings = findingsOf("PH301", commented);
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
}
