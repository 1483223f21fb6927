// Column conversions between bytes and LSP position encodings, checked against a reference that
// decodes with the analysis layer's UTF-8 validator.
#include "protocol/position_encoding.h"

#include "analysis/syntax/utf8.h"  // independent validity check for the reference model

#include <doctest/doctest.h>

#include <random>

using namespace perfhint::protocol;
using perfhint::protocol::byteColumn;
using perfhint::protocol::encodedColumn;

namespace {

constexpr PositionEncoding kAllEncodings[] = {PositionEncoding::Utf8, PositionEncoding::Utf16,
                                              PositionEncoding::Utf32};

/// Reference model: (start byte, byte length, units) of each character, decoded independently.
struct ReferenceCharacter {
  size_t start;
  size_t bytes;
  uint32_t utf16Units;
};

std::vector<ReferenceCharacter> referenceCharacters(std::string_view line) {
  std::vector<ReferenceCharacter> characters;
  for (size_t at = 0; at < line.size();) {
    auto lead = static_cast<unsigned char>(line[at]);
    size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (length > 1 && (at + length > line.size() || perfhint::firstInvalidUtf8(line.substr(
                                                        at, length)) != std::string_view::npos)) {
      length = 1;
    }
    characters.push_back({at, length, length == 4 ? 2u : 1u});
    at += length;
  }
  return characters;
}

uint32_t referenceUnits(const ReferenceCharacter& character, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8: return static_cast<uint32_t>(character.bytes);
    case PositionEncoding::Utf16: return character.utf16Units;
    case PositionEncoding::Utf32: return 1;
  }
  return 1;
}

/// Checks both directions for every column up to past the end of `line`.
void checkAgainstReference(std::string_view line) {
  auto characters = referenceCharacters(line);
  for (PositionEncoding encoding : kAllEncodings) {
    CAPTURE(positionEncodingName(encoding));
    for (uint32_t byte = 0; byte <= line.size() + 2; ++byte) {
      uint32_t expected = 0;
      for (const auto& character : characters) {
        if (character.start + character.bytes <= byte)
          expected += referenceUnits(character, encoding);
      }
      CAPTURE(byte);
      CHECK(encodedColumn(line, byte, encoding) == expected);
    }
    uint32_t total = 0;
    for (const auto& character : characters) total += referenceUnits(character, encoding);
    for (uint32_t column = 0; column <= total + 2; ++column) {
      size_t expected = 0;
      uint32_t units = 0;
      for (const auto& character : characters) {
        if (units + referenceUnits(character, encoding) > column) break;
        units += referenceUnits(character, encoding);
        expected = character.start + character.bytes;
      }
      CAPTURE(column);
      CHECK(byteColumn(line, column, encoding) == expected);
    }
  }
}

}  // namespace

TEST_CASE("encoding names round-trip and unknown names are refused") {
  for (PositionEncoding encoding : kAllEncodings) {
    CHECK(parsePositionEncoding(positionEncodingName(encoding)) == encoding);
  }
  CHECK(positionEncodingName(PositionEncoding::Utf16) == "utf-16");
  CHECK_FALSE(parsePositionEncoding("UTF-16"));
  CHECK_FALSE(parsePositionEncoding("utf16"));
  CHECK_FALSE(parsePositionEncoding(""));
}

TEST_CASE("negotiation prefers utf-8 and falls back to utf-16") {
  CHECK(negotiatePositionEncoding({}) == PositionEncoding::Utf16);
  CHECK(negotiatePositionEncoding({"utf-16"}) == PositionEncoding::Utf16);
  CHECK(negotiatePositionEncoding({"utf-32", "utf-8"}) == PositionEncoding::Utf8);
  CHECK(negotiatePositionEncoding({"utf-16", "utf-8"}) == PositionEncoding::Utf8);
  CHECK(negotiatePositionEncoding({"utf-32"}) == PositionEncoding::Utf16);
  CHECK(negotiatePositionEncoding({"latin-1", "UTF-8"}) == PositionEncoding::Utf16);
}

TEST_CASE("ASCII columns are the same in every encoding and clamp at the end of line") {
  for (PositionEncoding encoding : kAllEncodings) {
    CHECK(encodedColumn("hello", 0, encoding) == 0);
    CHECK(encodedColumn("hello", 3, encoding) == 3);
    CHECK(encodedColumn("hello", 5, encoding) == 5);
    CHECK(encodedColumn("hello", 99, encoding) == 5);
    CHECK(byteColumn("hello", 3, encoding) == 3);
    CHECK(byteColumn("hello", 99, encoding) == 5);
    CHECK(byteColumn("", 4, encoding) == 0);
    CHECK(encodedColumn("", 4, encoding) == 0);
    CHECK(byteColumn("hello", UINT32_MAX, encoding) == 5);
  }
}

TEST_CASE("two-byte characters") {
  std::string_view line = "a\xC3\xA9z";  // aéz
  CHECK(encodedColumn(line, 3, PositionEncoding::Utf8) == 3);
  CHECK(encodedColumn(line, 3, PositionEncoding::Utf16) == 2);
  CHECK(encodedColumn(line, 3, PositionEncoding::Utf32) == 2);
  CHECK(byteColumn(line, 2, PositionEncoding::Utf16) == 3);
  // Inside é: rounds down to its start.
  CHECK(encodedColumn(line, 2, PositionEncoding::Utf16) == 1);
  CHECK(encodedColumn(line, 2, PositionEncoding::Utf8) == 1);
  CHECK(byteColumn(line, 2, PositionEncoding::Utf8) == 1);
}

TEST_CASE("CJK characters take three bytes and one UTF-16 unit") {
  std::string_view line = "\xE4\xB8\xAD\xE6\x96\x87x";  // 中文x
  CHECK(encodedColumn(line, 6, PositionEncoding::Utf16) == 2);
  CHECK(encodedColumn(line, 7, PositionEncoding::Utf32) == 3);
  CHECK(encodedColumn(line, 4, PositionEncoding::Utf16) == 1);
  CHECK(byteColumn(line, 1, PositionEncoding::Utf16) == 3);
  CHECK(byteColumn(line, 3, PositionEncoding::Utf16) == 7);
  CHECK(byteColumn(line, 5, PositionEncoding::Utf8) == 3);
}

TEST_CASE("characters outside the BMP count two UTF-16 units") {
  std::string_view line =
      "a\xF0\x9F\x98\x80"
      "b";  // a😀b
  CHECK(encodedColumn(line, 5, PositionEncoding::Utf16) == 3);
  CHECK(encodedColumn(line, 5, PositionEncoding::Utf32) == 2);
  CHECK(encodedColumn(line, 5, PositionEncoding::Utf8) == 5);
  CHECK(encodedColumn(line, 6, PositionEncoding::Utf16) == 4);
  CHECK(byteColumn(line, 3, PositionEncoding::Utf16) == 5);
  CHECK(byteColumn(line, 2, PositionEncoding::Utf32) == 5);
  // Between the two halves of the surrogate pair: the start of the emoji.
  CHECK(byteColumn(line, 2, PositionEncoding::Utf16) == 1);
}

TEST_CASE("a line from CRLF text excludes the carriage return") {
  std::string_view text = "x = '\xC3\xA9'\r\ny\r\n";
  std::string_view line = text.substr(0, text.find("\r\n"));
  CHECK(encodedColumn(line, 99, PositionEncoding::Utf16) == 7);
  CHECK(byteColumn(line, 99, PositionEncoding::Utf16) == 8);
  CHECK(byteColumn(line, 7, PositionEncoding::Utf16) == 8);
}

TEST_CASE("invalid UTF-8 bytes count one unit each") {
  for (PositionEncoding encoding : kAllEncodings) {
    CHECK(encodedColumn("a\xFF"
                        "b",
                        3, encoding) == 3);
    CHECK(encodedColumn("\x80\x80", 2, encoding) == 2);  // stray continuations
    CHECK(encodedColumn("\xE4\xB8"
                        "a",
                        3, encoding) == 3);                      // truncated sequence
    CHECK(encodedColumn("\xC0\xAF", 2, encoding) == 2);          // overlong '/'
    CHECK(encodedColumn("\xED\xA0\x80", 3, encoding) == 3);      // encoded surrogate
    CHECK(encodedColumn("\xF4\x90\x80\x80", 4, encoding) == 4);  // past U+10FFFF
    CHECK(encodedColumn("\xF0\x9F\x98", 3, encoding) == 3);      // cut-off emoji at the end
    CHECK(byteColumn("\xF0\x9F\x98", 2, encoding) == 2);
  }
}

TEST_CASE("the ASCII fast path hands over to decoding at the first non-ASCII byte") {
  std::string line(100, 'a');
  line += "\xF0\x9F\x98\x80";
  line += "b";
  CHECK(encodedColumn(line, 105, PositionEncoding::Utf16) == 103);
  CHECK(encodedColumn(line, 102, PositionEncoding::Utf16) == 100);
  CHECK(byteColumn(line, 103, PositionEncoding::Utf16) == 105);
  CHECK(byteColumn(line, 101, PositionEncoding::Utf16) == 100);
  CHECK(byteColumn(line, 7, PositionEncoding::Utf16) == 7);
}

TEST_CASE("every column of mixed lines matches the reference model") {
  const char* pieces[] = {"a",        " ",    "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80",
                          "\xFF",     "\x80", "\xE4\xB8", "\xF0\x9F",     "\xED\xA0\x80",
                          "\xC0\xAF", "\xC3"};
  std::mt19937 random(12345);
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> length(0, 12);
  for (int round = 0; round < 300; ++round) {
    std::string line;
    for (int i = length(random); i > 0; --i) line += pieces[pick(random)];
    CAPTURE(line);
    checkAgainstReference(line);
  }
}
