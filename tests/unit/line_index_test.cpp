// LineIndex: offsets to lines and columns and back, across line-ending styles and at the edges.
#include "analysis/syntax/line_index.h"

#include <doctest/doctest.h>

using namespace perfhint;

TEST_CASE("LineIndex maps offsets to lines and columns and back") {
  std::string_view text = "ab\ncde\n\nf";
  LineIndex lines(text);
  CHECK(lines.lineCount() == 4);
  CHECK(lines.lineColumn(0) == LineColumn{0, 0});
  CHECK(lines.lineColumn(2) == LineColumn{0, 2});  // the '\n' belongs to its line
  CHECK(lines.lineColumn(3) == LineColumn{1, 0});
  CHECK(lines.lineColumn(7) == LineColumn{2, 0});
  CHECK(lines.lineColumn(8) == LineColumn{3, 0});
  for (uint32_t offset = 0; offset <= text.size(); ++offset) {
    CAPTURE(offset);
    CHECK(lines.offset(lines.lineColumn(offset)) == offset);
  }
  CHECK(lines.lineText(text, 0) == "ab");
  CHECK(lines.lineText(text, 1) == "cde");
  CHECK(lines.lineText(text, 2) == "");
  CHECK(lines.lineText(text, 3) == "f");
}

TEST_CASE("LineIndex treats CRLF as one line end") {
  std::string_view text = "a = 1\r\nb = 2\r\n";
  LineIndex lines(text);
  CHECK(lines.lineCount() == 3);
  CHECK(lines.lineColumn(5) == LineColumn{0, 5});  // the '\r'
  CHECK(lines.lineColumn(6) == LineColumn{0, 6});  // the '\n'
  CHECK(lines.lineColumn(7) == LineColumn{1, 0});
  CHECK(lines.lineStart(1) == 7);
  CHECK(lines.lineText(text, 0) == "a = 1");
  CHECK(lines.lineText(text, 1) == "b = 2");
  CHECK(lines.lineText(text, 2) == "");
}

TEST_CASE("LineIndex without a trailing newline ends at the last character") {
  std::string_view text = "x\ny";
  LineIndex lines(text);
  CHECK(lines.lineCount() == 2);
  CHECK(lines.lineColumn(3) == LineColumn{1, 1});
  CHECK(lines.lineText(text, 1) == "y");
  CHECK(lines.offset({1, 1}) == 3);
}

TEST_CASE("LineIndex of empty text has one empty line") {
  LineIndex lines("");
  CHECK(lines.lineCount() == 1);
  CHECK(lines.lineColumn(0) == LineColumn{0, 0});
  CHECK(lines.lineColumn(10) == LineColumn{0, 0});
  CHECK(lines.offset({0, 0}) == 0);
  CHECK(lines.offset({3, 4}) == 0);
  CHECK(lines.lineText("", 0) == "");

  LineIndex defaulted;
  CHECK(defaulted.lineCount() == 1);
  CHECK(defaulted.lineColumn(0) == LineColumn{0, 0});
}

TEST_CASE("LineIndex clamps positions past the text") {
  std::string_view text = "ab\ncd\n";
  LineIndex lines(text);
  CHECK(lines.lineColumn(100) == LineColumn{2, 0});  // the empty line after the last '\n'
  CHECK(lines.offset({0, 100}) == 3);                // a column past the line end: next line start
  CHECK(lines.offset({1, 100}) == 6);
  CHECK(lines.offset({100, 0}) == 6);  // a line past the end: end of text
  CHECK(lines.offset({100, 5}) == 6);
}

TEST_CASE("countCodePoints skips continuation bytes") {
  CHECK(countCodePoints("") == 0);
  CHECK(countCodePoints("abc") == 3);
  CHECK(countCodePoints("h\xC3\xA9llo") == 5);        // é: two bytes
  CHECK(countCodePoints("\xE2\x82\xAC") == 1);        // €: three bytes
  CHECK(countCodePoints("\xF0\x9F\x98\x80 x") == 3);  // an emoji: four bytes
}
