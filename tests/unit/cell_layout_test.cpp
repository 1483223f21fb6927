// Notebook cells as one program: magics neutralised in place, offsets mapped to cells, findings
// and fixes kept inside their cell.
#include "analysis/notebook/cell_layout.h"

#include "analysis/rules/registry.h"  // a rule for the findings

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::notebook;

TEST_CASE("line magics and shell lines become comments without moving a byte") {
  std::string source = "import os\n%matplotlib inline\n  !ls -l\nx = 5 % 2\n";
  neutraliseMagics(source);
  CHECK(source == "import os\n#matplotlib inline\n  #ls -l\nx = 5 % 2\n");
}

TEST_CASE("a cell magic cell is commented out line by line, multi-byte starts included") {
  std::string source = "%%timeit\nx in [1, 2]\n\n\xc3\xa9 = 1";
  std::string neutral = neutralisedMagics(source);
  CHECK(neutral == "#%timeit\n# in [1, 2]\n\n#  = 1");
  CHECK(neutral.size() == source.size());
}

TEST_CASE("restoreMagics gives magic lines back after a fix changed the cell") {
  std::string original = "#ls\n!ls\nfor x in y:\n    x in [1, 2]\n";
  // The fix added a line; the user's own comment `#ls` keeps its text.
  std::string fixed = "#ls\n#ls\nimport re\nfor x in y:\n    x in {1, 2}\n";
  CHECK(restoreMagics(original, fixed) == "#ls\n!ls\nimport re\nfor x in y:\n    x in {1, 2}\n");
  CHECK(restoreMagics("a = 1", "b = 1") == "b = 1");
}

TEST_CASE("CellLayout places cells one after another, each on lines of its own") {
  std::string program;
  CellLayout layout;
  layout.append(program, 0, "import re");
  layout.append(program, 2, "for w in words:\n    re.search('a', w)\n");
  layout.append(program, 3, "");
  CHECK(program == "import re\nfor w in words:\n    re.search('a', w)\n\n\n");
  REQUIRE(layout.spans().size() == 3);
  CHECK(layout.spans()[1].cell == 2);
  CHECK(layout.spans()[1].start == 10);
  CHECK(layout.spans()[1].end() == 10 + 38);
  LineIndex lines(program);
  CHECK(layout.firstLine(0, lines) == 0);
  CHECK(layout.firstLine(1, lines) == 1);
  CHECK(layout.firstLine(2, lines) == 4);

  CHECK(layout.spanHolding({0, 9}) == 0);              // up to the end of the cell
  CHECK(layout.spanHolding({9, 10}) == std::nullopt);  // over the separator
  CHECK(layout.spanHolding({5, 20}) == std::nullopt);  // across cells
  CHECK(layout.spanHolding({10, 10}) == 1);
  CHECK(layout.spanHolding({49, 49}) == 2);

  layout.resize(1, 5);  // five bytes typed into the second cell
  CHECK(layout.spans()[1].length == 43);
  CHECK(layout.spans()[2].start == 54);
}

TEST_CASE("confineToCells drops findings across cells and fixes that leave the cell") {
  std::string program;
  CellLayout layout;
  layout.append(program, 0, "aaaa");      // 0..4
  layout.append(program, 1, "bbbbbbbb");  // 5..13
  const RuleInfo* rule = &allRules().front()->info();
  auto finding = [&](ByteRange range, std::vector<FixEdit> edits) {
    Finding result{rule, range, "m", Severity::Info, 0, std::nullopt};
    if (!edits.empty()) result.fix = Fix{"t", FixSafety::Safe, std::move(edits)};
    return result;
  };
  std::vector<Finding> findings = {
      finding({1, 3}, {{{1, 3}, "x"}}),                          // all in cell 0: kept with its fix
      finding({2, 7}, {}),                                       // across the boundary: dropped
      finding({6, 8}, {{{0, 0}, "import x\n"}, {{6, 8}, "y"}}),  // an edit in cell 0: no fix
  };
  layout.confineToCells(findings);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].fix.has_value());
  CHECK(findings[1].range.start == 6);
  CHECK_FALSE(findings[1].fix.has_value());
}
