// `# noqa` comments: parsing one comment, and which findings of which lines they suppress.
#include "analysis/engine/suppression.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace perfhint;

namespace {

struct Noqa {
  bool isNoqa = false;
  bool all = false;
  std::vector<std::string_view> codes;
};

Noqa parse(std::string_view comment) {
  Noqa result;
  result.isNoqa = parseNoqa(comment, result.all, result.codes);
  return result;
}

using Codes = std::vector<std::string_view>;

}  // namespace

TEST_CASE("parseNoqa reads bare and coded directives") {
  Noqa bare = parse("# noqa");
  CHECK(bare.isNoqa);
  CHECK(bare.all);
  CHECK(bare.codes.empty());

  Noqa two = parse("# noqa: PH201, PH202");
  CHECK(two.isNoqa);
  CHECK_FALSE(two.all);
  CHECK(two.codes == Codes{"PH201", "PH202"});

  Noqa tight = parse("#noqa:PH201");
  CHECK(tight.isNoqa);
  CHECK_FALSE(tight.all);
  CHECK(tight.codes == Codes{"PH201"});

  CHECK(parse("# NoQA: PH201,PH301").codes == Codes{"PH201", "PH301"});
  CHECK(parse("# type: ignore  # noqa: PH701").codes == Codes{"PH701"});
  CHECK(parse("# noqa:").all);  // nothing after the colon counts as bare
  CHECK(parse("# noqa because reasons").all);
}

TEST_CASE("parseNoqa ignores comments without the directive") {
  CHECK_FALSE(parse("# a comment").isNoqa);
  CHECK_FALSE(parse("# no qa").isNoqa);
  CHECK_FALSE(parse("# see noqa docs").isNoqa);  // the directive must open a comment
  CHECK_FALSE(parse("#").isNoqa);
}

namespace {

// Suppressions of a source text, through the comments its model records.
struct Suppressed {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document;
  SemanticModel model;
  Suppressions suppressions;

  explicit Suppressed(std::string text)
      : document(std::move(text), *parser), model(document), suppressions(model) {}
};

}  // namespace

TEST_CASE("Suppressions apply per line and per code") {
  Suppressed file(
      "a = 1  # noqa\n"
      "b = 2  # noqa: PH201, PH202\n"
      "c = 3  #noqa:PH201\n"
      "d = 4  # noqa: E501\n"
      "e = 5\n"
      "# noqa\n");
  // Line 0: bare noqa suppresses every code.
  CHECK(file.suppressions.suppresses(0, "PH201"));
  CHECK(file.suppressions.suppresses(0, "PH701"));
  // Line 1: only the listed codes.
  CHECK(file.suppressions.suppresses(1, "PH201"));
  CHECK(file.suppressions.suppresses(1, "PH202"));
  CHECK_FALSE(file.suppressions.suppresses(1, "PH203"));
  CHECK_FALSE(file.suppressions.suppresses(1, "PH20"));  // whole codes, not prefixes
  // Line 2: no space after '#' or ':'.
  CHECK(file.suppressions.suppresses(2, "PH201"));
  CHECK_FALSE(file.suppressions.suppresses(2, "PH202"));
  // Line 3: another tool's code leaves ours alone.
  CHECK_FALSE(file.suppressions.suppresses(3, "PH201"));
  // Line 4 has no comment; a noqa on a line of its own covers only that line.
  CHECK_FALSE(file.suppressions.suppresses(4, "PH201"));
  CHECK(file.suppressions.suppresses(5, "PH201"));
  CHECK_FALSE(file.suppressions.suppresses(6, "PH201"));
}

TEST_CASE("noqa inside a string is not a comment") {
  Suppressed file(
      "s = '# noqa'\n"
      "t = \"\"\"\n"
      "# noqa: PH201\n"
      "\"\"\"\n"
      "u = f'{x}  # noqa'\n");
  for (uint32_t line = 0; line < 5; ++line) {
    CAPTURE(line);
    CHECK_FALSE(file.suppressions.suppresses(line, "PH201"));
  }
}
