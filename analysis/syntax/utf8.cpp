#include "analysis/syntax/utf8.h"

#include <cstdint>

namespace perfhint {

size_t firstInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t at = 0;
  while (at < size) {
    unsigned char lead = bytes[at];
    if (lead < 0x80) {
      ++at;
      continue;
    }
    size_t length;
    uint32_t minimum;
    uint32_t value;
    if ((lead & 0xE0) == 0xC0) {
      length = 2, minimum = 0x80, value = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3, minimum = 0x800, value = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4, minimum = 0x10000, value = lead & 0x07u;
    } else {
      return at;
    }
    if (size - at < length) return at;
    for (size_t i = 1; i < length; ++i) {
      if ((bytes[at + i] & 0xC0) != 0x80) return at;
      value = (value << 6) | (bytes[at + i] & 0x3Fu);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return at;
    at += length;
  }
  return std::string_view::npos;
}

}  // namespace perfhint
