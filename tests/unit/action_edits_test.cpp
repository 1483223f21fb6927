// Edits behind code actions: "ignore on this line" and fix-all.
#include "server/lsp/action_edits.h"

#include <doctest/doctest.h>

using namespace perfhint;
using protocol::PositionEncoding;

namespace {

Document parse(std::string text) {
  static syntax::ParserPtr parser = syntax::makePythonParser();
  return Document(std::move(text), *parser);
}

}  // namespace

TEST_CASE("noqa is appended, extended, or declined") {
  Document plain = parse("x = 1\n");
  auto appended = lsp::noqaEdit(plain, 0, "PH701", PositionEncoding::Utf16);
  REQUIRE(appended);
  CHECK(appended->range == protocol::Range{{0, 5}, {0, 5}});
  CHECK(appended->newText == "  # noqa: PH701");

  Document commented = parse("x = 1  # why\n");
  CHECK(lsp::noqaEdit(commented, 0, "PH701", PositionEncoding::Utf16)->range ==
        protocol::Range{{0, 12}, {0, 12}});

  Document listed = parse("x = 1  # noqa: E501, PH201\n");
  auto extended = lsp::noqaEdit(listed, 0, "PH701", PositionEncoding::Utf16);
  REQUIRE(extended);
  CHECK(extended->range == protocol::Range{{0, 26}, {0, 26}});
  CHECK(extended->newText == ", PH701");
  CHECK_FALSE(lsp::noqaEdit(listed, 0, "PH201", PositionEncoding::Utf16));
  CHECK_FALSE(lsp::noqaEdit(parse("x = 1  # noqa\n"), 0, "PH701", PositionEncoding::Utf16));

  // A comment cannot end a line inside a string or after a continuation.
  Document multiline = parse("x = '''a\nb'''\ny = 1 + \\\n    2\n");
  CHECK_FALSE(lsp::noqaEdit(multiline, 0, "PH701", PositionEncoding::Utf16));
  CHECK_FALSE(lsp::noqaEdit(multiline, 2, "PH701", PositionEncoding::Utf16));
  CHECK(lsp::noqaEdit(multiline, 1, "PH701", PositionEncoding::Utf16));
  CHECK_FALSE(lsp::noqaEdit(multiline, 40, "PH701", PositionEncoding::Utf16));
}

TEST_CASE("fix-all is one minimal edit, honouring unsafe fixes") {
  Document document = parse("def f(xs):\n    return [x in [1, 2] for x in xs]\n");
  syntax::ParserPtr parser = syntax::makePythonParser();
  std::string error;
  auto selection = RuleSelection::fromPatterns({"PH701"}, {}, error);
  CHECK_FALSE(lsp::fixAllEdit(document, *selection, false, *parser, PositionEncoding::Utf16));
  auto edit = lsp::fixAllEdit(document, *selection, true, *parser, PositionEncoding::Utf16);
  REQUIRE(edit);
  CHECK(edit->range == protocol::Range{{1, 17}, {1, 23}});
  CHECK(edit->newText == "{1, 2}");
}
