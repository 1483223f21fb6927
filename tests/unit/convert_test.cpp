// Conversions at the server's edge: byte offsets <-> LSP positions, findings -> diagnostics.
#include "server/lsp/convert.h"

#include "analysis/rules/registry.h"

#include <doctest/doctest.h>

using namespace perfhint;
using protocol::PositionEncoding;

namespace {

Document parse(std::string text) {
  static syntax::ParserPtr parser = syntax::makePythonParser();
  return Document(std::move(text), *parser);
}

}  // namespace

TEST_CASE("positions count UTF-16 units, bytes or code points") {
  Document document = parse("a = '😀'\r\nb = 'é' + c\n");
  uint32_t c = static_cast<uint32_t>(document.text().find('c'));
  CHECK(lsp::toPosition(document, c, PositionEncoding::Utf16) == protocol::Position{1, 10});
  CHECK(lsp::toPosition(document, c, PositionEncoding::Utf8) == protocol::Position{1, 11});
  CHECK(lsp::toPosition(document, c, PositionEncoding::Utf32) == protocol::Position{1, 10});
  uint32_t quote = static_cast<uint32_t>(document.text().find("'\r"));
  CHECK(lsp::toPosition(document, quote, PositionEncoding::Utf16) == protocol::Position{0, 7});
  CHECK(lsp::toOffset(document, {0, 7}, PositionEncoding::Utf16) == quote);
  CHECK(lsp::toOffset(document, {1, 10}, PositionEncoding::Utf16) == c);
}

TEST_CASE("positions past the end of a line or the text are clamped") {
  Document document = parse("ab\r\ncd\n");
  CHECK(lsp::toOffset(document, {0, 99}, PositionEncoding::Utf16) == 2);  // before "\r\n"
  CHECK(lsp::toOffset(document, {9, 0}, PositionEncoding::Utf16) == 7);
  CHECK(lsp::toByteRange(document, {{1, 2}, {0, 1}}, PositionEncoding::Utf16) == ByteRange{1, 6});
}

TEST_CASE("a diagnostic carries code, docs link, severity override and the fix") {
  Document document = parse("def f(x):\n    return x in [1, 2]\n");
  Finding finding{&findRule("PH701")->info(),
                  {26, 32},
                  "message",
                  Severity::Info,
                  0,
                  Fix{"Use a set literal", FixSafety::Unsafe, {{{26, 27}, "{"}, {{31, 32}, "}"}}}};
  lsp::ServerSettings settings;
  protocol::Diagnostic plain =
      lsp::toDiagnostic(document, finding, 3, settings, PositionEncoding::Utf16, "");
  CHECK(plain.range == protocol::Range{{1, 16}, {1, 22}});
  CHECK(plain.severity == protocol::DiagnosticSeverity::Information);
  CHECK(plain.code == "PH701");
  CHECK(plain.source == "perfhint");
  CHECK(!plain.codeDescription);
  CHECK(plain.data ==
        nlohmann::json::parse(R"({"version": 3, "fix": {"title": "Use a set literal", "safe": false,
      "edits": [{"range": {"start": {"line": 1, "character": 16}, "end": {"line": 1, "character": 17}}, "newText": "{"},
                {"range": {"start": {"line": 1, "character": 21}, "end": {"line": 1, "character": 22}}, "newText": "}"}]}})"));

  settings.severity["PH701"] = Severity::Error;
  protocol::Diagnostic overridden = lsp::toDiagnostic(
      document, finding, 3, settings, PositionEncoding::Utf16, "file:///docs/rules.md");
  CHECK(overridden.severity == protocol::DiagnosticSeverity::Error);
  CHECK(overridden.codeDescription->href == "file:///docs/rules.md#ph701-list-membership-literal");
}

TEST_CASE("the whole-document edit keeps the common prefix and suffix") {
  Document document = parse("x = [1, 2]\ny = 'é'\n");
  protocol::TextEdit edit =
      lsp::wholeDocumentEdit(document, "x = {1, 2}\ny = 'é'\n", PositionEncoding::Utf16);
  CHECK(edit.range == protocol::Range{{0, 4}, {0, 10}});
  CHECK(edit.newText == "{1, 2}");
  protocol::TextEdit accent =
      lsp::wholeDocumentEdit(document, "x = [1, 2]\ny = 'è'\n", PositionEncoding::Utf16);
  CHECK(accent.range == protocol::Range{{1, 5}, {1, 6}});
  CHECK(accent.newText == "è");
}
