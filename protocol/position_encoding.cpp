#include "protocol/position_encoding.h"

#include <algorithm>  // find, min
#include <cstring>    // memcpy

namespace perfhint::protocol {

namespace {

/// One character of a line: its length in bytes and in UTF-16 code units.
struct CharacterSpan {
  uint32_t bytes = 1;
  uint32_t utf16Units = 1;
};

/// The character starting at `at` (< text.size()): a well-formed UTF-8 sequence or one bad byte.
CharacterSpan characterAt(std::string_view text, size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  uint32_t length;
  uint32_t minimum;
  uint32_t value;
  if (lead < 0x80) {
    return {};
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, value = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, value = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, value = lead & 0x07u;
  } else {
    return {};  // a stray continuation byte or an invalid lead byte
  }
  if (text.size() - at < length) return {};
  for (uint32_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) return {};
    value = (value << 6) | (next & 0x3Fu);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
  return {length, value >= 0x10000 ? 2u : 1u};
}

uint32_t unitsOf(CharacterSpan character, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8: return character.bytes;
    case PositionEncoding::Utf16: return character.utf16Units;
    case PositionEncoding::Utf32: return 1;
  }
  return 1;
}

/// Length of the ASCII prefix of `text`, checked eight bytes at a time. Within it every byte is
/// one character and one unit in every encoding.
size_t asciiPrefixLength(std::string_view text) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  size_t at = 0;
  for (; at + 8 <= text.size(); at += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + at, sizeof word);
    if (word & kHighBits) break;
  }
  while (at < text.size() && static_cast<unsigned char>(text[at]) < 0x80) ++at;
  return at;
}

}  // namespace

std::string_view positionEncodingName(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8: return "utf-8";
    case PositionEncoding::Utf16: return "utf-16";
    case PositionEncoding::Utf32: return "utf-32";
  }
  return "utf-16";
}

std::optional<PositionEncoding> parsePositionEncoding(std::string_view name) {
  for (auto encoding : {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    if (positionEncodingName(encoding) == name) return encoding;
  }
  return std::nullopt;
}

PositionEncoding negotiatePositionEncoding(const std::vector<std::string>& offered) {
  bool utf8Offered = std::find(offered.begin(), offered.end(), "utf-8") != offered.end();
  return utf8Offered ? PositionEncoding::Utf8 : PositionEncoding::Utf16;
}

uint32_t encodedColumn(std::string_view lineText, uint32_t byteColumn, PositionEncoding encoding) {
  const size_t target = std::min<size_t>(byteColumn, lineText.size());
  size_t at = asciiPrefixLength(lineText.substr(0, target));
  uint32_t units = static_cast<uint32_t>(at);
  while (at < target) {
    CharacterSpan character = characterAt(lineText, at);
    if (at + character.bytes > target) break;  // target is inside this character
    units += unitsOf(character, encoding);
    at += character.bytes;
  }
  return units;
}

uint32_t byteColumn(std::string_view lineText, uint32_t encodedColumn, PositionEncoding encoding) {
  // Units never outnumber bytes, so the ASCII check needs to look no further than the column.
  size_t at = asciiPrefixLength(lineText.substr(0, encodedColumn));
  uint32_t units = static_cast<uint32_t>(at);
  while (at < lineText.size() && units < encodedColumn) {
    CharacterSpan character = characterAt(lineText, at);
    uint32_t width = unitsOf(character, encoding);
    if (width > encodedColumn - units) break;  // the column is inside this character
    units += width;
    at += character.bytes;
  }
  return static_cast<uint32_t>(at);
}

}  // namespace perfhint::protocol
