// Applying fixes: conflicts, insertions at one offset, unsafe fixes, and refusing fixes whose
// result does not parse. Findings are made by hand: only their fixes matter here.
#include "analysis/fix/apply_fixes.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace perfhint;

namespace {

Finding findingWith(std::vector<FixEdit> edits, FixSafety safety = FixSafety::Safe) {
  Finding finding;
  finding.range = edits.empty() ? ByteRange{} : edits.front().range;
  finding.message = "test finding";
  finding.fix = Fix{"test fix", safety, std::move(edits)};
  return finding;
}

std::string applied(std::string text, const std::vector<Finding>& findings,
                    bool includeUnsafe = false, size_t* count = nullptr) {
  size_t n = applyFixes(text, findings, includeUnsafe);
  if (count) *count = n;
  return text;
}

}  // namespace

TEST_CASE("applyFixes applies non-conflicting fixes at the right offsets") {
  //                 0123456789
  std::string text = "a = [1, 2]\n";
  std::vector<Finding> findings = {
      findingWith({{{4, 5}, "{"}, {{9, 10}, "}"}}),  // one fix, two edits
      findingWith({{{0, 1}, "b"}}),                  // out of text order: still applied
  };
  size_t count = 0;
  CHECK(applied(text, findings, false, &count) == "b = {1, 2}\n");
  CHECK(count == 2);
  // The edits of a fix may come in any order.
  CHECK(applied(text, {findingWith({{{9, 10}, ")"}, {{4, 5}, "("}})}) == "a = (1, 2)\n");
}

TEST_CASE("applyFixes skips a fix that overlaps one taken before it") {
  std::string text = "value = alpha + beta\n";
  std::vector<Finding> findings = {
      findingWith({{{8, 13}, "A"}}),   // alpha
      findingWith({{{12, 20}, "X"}}),  // overlaps alpha's end: skipped whole
      findingWith({{{16, 20}, "B"}}),  // beta
  };
  size_t count = 0;
  CHECK(applied(text, findings, false, &count) == "value = A + B\n");
  CHECK(count == 2);
  // A multi-edit fix is all or nothing: one conflicting edit drops the others too.
  findings = {findingWith({{{8, 13}, "A"}}), findingWith({{{0, 5}, "other"}, {{10, 11}, "P"}})};
  CHECK(applied(text, findings, false, &count) == "value = A + beta\n");
  CHECK(count == 1);
}

TEST_CASE("applyFixes keeps only the first insertion at one offset") {
  std::string text = "f(x)\n";
  std::vector<Finding> findings = {
      findingWith({{{2, 2}, "first, "}}),
      findingWith({{{2, 2}, "second, "}}),  // same offset: order would be ambiguous
      findingWith({{{2, 3}, "y"}}),         // replacement starting there conflicts too
  };
  size_t count = 0;
  CHECK(applied(text, findings, false, &count) == "f(first, x)\n");
  CHECK(count == 1);
  // An insertion where another edit ends does not conflict.
  findings = {findingWith({{{2, 3}, "y"}}), findingWith({{{3, 3}, ", z"}})};
  CHECK(applied(text, findings, false, &count) == "f(y, z)\n");
  CHECK(count == 2);
}

TEST_CASE("unsafe fixes apply only when asked; empty fixes never") {
  std::string text = "x = 1\n";
  std::vector<Finding> findings = {findingWith({{{4, 5}, "2"}}, FixSafety::Unsafe)};
  CHECK(applied(text, findings, false) == text);
  CHECK(applied(text, findings, true) == "x = 2\n");
  CHECK_FALSE(isApplicable(findings[0], false));
  CHECK(isApplicable(findings[0], true));

  Finding noFix;
  CHECK_FALSE(isApplicable(noFix, true));
  CHECK_FALSE(isApplicable(findingWith({}), true));
}

TEST_CASE("applyFixesThatParse rejects a fix that breaks the parse and keeps the others") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  //                 0123456789012345
  std::string text = "x = [1, 2]\ny = 3\n";
  std::vector<Finding> findings = {
      findingWith({{{9, 10}, ""}}),    // drops the closing bracket
      findingWith({{{15, 16}, "4"}}),  // fine
  };
  FixRound round = applyFixesThatParse(text, findings, false, *parser);
  CHECK(text == "x = [1, 2]\ny = 4\n");
  CHECK(round.applied == 1);
  CHECK(round.rejected == 1);

  // Nothing breaks: everything applies, nothing is tried alone.
  text = "x = [1, 2]\n";
  findings = {findingWith({{{5, 6}, "7"}})};
  round = applyFixesThatParse(text, findings, false, *parser);
  CHECK(text == "x = [7, 2]\n");
  CHECK(round.applied == 1);
  CHECK(round.rejected == 0);
}

TEST_CASE("applyFixesThatParse keeps the first of fixes that parse alone but not together") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  //                 0123456
  std::string text = "x = ab\n";
  std::vector<Finding> findings = {
      findingWith({{{4, 5}, "a in "}}),  // x = a in b
      findingWith({{{5, 6}, " in b"}}),  // x = a in b; with both: x = a in  in b
  };
  FixRound round = applyFixesThatParse(text, findings, false, *parser);
  CHECK(text == "x = a in b\n");
  CHECK(round.applied == 1);
  CHECK(round.rejected == 0);
}

TEST_CASE("applyFixesThatParse does not judge text that did not parse before") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  std::string text = "def f(:\n    y = 3\n";
  std::vector<Finding> findings = {findingWith({{{16, 17}, "4"}}), findingWith({{{0, 3}, "("}})};
  FixRound round = applyFixesThatParse(text, findings, false, *parser);
  CHECK(text == "( f(:\n    y = 4\n");
  CHECK(round.applied == 2);
  CHECK(round.rejected == 0);
}

TEST_CASE("fixUntilStable applies a rule's fixes and re-analyses") {
  std::string error;
  std::optional<RuleSelection> selection = RuleSelection::fromPatterns({"PH701"}, {}, error);
  REQUIRE(selection);
  syntax::ParserPtr parser = syntax::makePythonParser();
  std::string text = "def f(xs):\n    return [x in [1, 2] or x in (3, 4) for x in xs]\n";
  FixOutcome unsafe = fixUntilStable(text, *selection, true, *parser);
  CHECK(unsafe.text == "def f(xs):\n    return [x in {1, 2} or x in {3, 4} for x in xs]\n");
  CHECK(unsafe.applied == 2);
  CHECK(unsafe.rejected == 0);
  CHECK(unsafe.remaining.empty());

  FixOutcome safeOnly = fixUntilStable(text, *selection, false, *parser);  // PH701 is unsafe
  CHECK(safeOnly.text == text);
  CHECK(safeOnly.applied == 0);
  CHECK(safeOnly.remaining.size() == 2);
}
