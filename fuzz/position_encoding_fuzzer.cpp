// Fuzz target: converting columns between bytes and UTF-8/16/32 code units, within one line
// (protocol/position_encoding.h) and across a whole text (server/lsp/convert.h), against a
// reference decoder written here from the rules stated in position_encoding.h. Results must lie
// on character boundaries, within bounds, and round-trip.
#include "analysis/syntax/document.h"  // whole-text conversions take a Document
#include "fuzz/fuzz_check.h"
#include "protocol/position_encoding.h"  // the per-line conversions under test
#include "server/lsp/convert.h"          // toPosition, toOffset

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace perfhint;
using protocol::PositionEncoding;

namespace {

/// Byte length of the well-formed UTF-8 sequence at `at`, or 1 for a byte that starts none.
size_t characterLength(std::string_view text, size_t at) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  auto continuation = [&](size_t i) { return i < text.size() && (byte(i) & 0xC0) == 0x80; };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint32_t codePoint = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, codePoint = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, codePoint = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, codePoint = lead & 0x07u;
  } else {
    return 1;
  }
  for (size_t i = 1; i < length; ++i) {
    if (!continuation(at + i)) return 1;
    codePoint = (codePoint << 6) | (byte(at + i) & 0x3Fu);
  }
  const uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (codePoint < smallest[length] || codePoint > 0x10FFFF) return 1;  // overlong, too large
  if (codePoint >= 0xD800 && codePoint <= 0xDFFF) return 1;            // surrogate
  return length;
}

uint32_t unitsOf(size_t length, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8: return static_cast<uint32_t>(length);
    case PositionEncoding::Utf16: return length == 4 ? 2 : 1;
    case PositionEncoding::Utf32: break;
  }
  return 1;
}

/// Each character boundary of the line with its column in `encoding` units.
struct Boundary {
  uint32_t byte;
  uint32_t units;
};
std::vector<Boundary> boundaries(std::string_view line, PositionEncoding encoding) {
  std::vector<Boundary> out{{0, 0}};
  size_t at = 0;
  uint32_t units = 0;
  while (at < line.size()) {
    const size_t length = characterLength(line, at);
    at += length;
    units += unitsOf(length, encoding);
    out.push_back({static_cast<uint32_t>(at), units});
  }
  return out;
}

void checkLine(std::string_view line, uint32_t probe) {
  for (PositionEncoding encoding :
       {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    const std::vector<Boundary> expected = boundaries(line, encoding);
    for (const Boundary& boundary : expected) {
      fuzz::check(protocol::encodedColumn(line, boundary.byte, encoding) == boundary.units,
                  "a boundary's byte column converts to its unit column");
      fuzz::check(protocol::byteColumn(line, boundary.units, encoding) == boundary.byte,
                  "a boundary's unit column converts to its byte column");
    }
    // An arbitrary column rounds down to the boundary at or before it, and clamps at the end.
    const Boundary* byByte = &expected.front();
    const Boundary* byUnits = &expected.front();
    for (const Boundary& boundary : expected) {
      if (boundary.byte <= probe) byByte = &boundary;
      if (boundary.units <= probe) byUnits = &boundary;
    }
    fuzz::check(protocol::encodedColumn(line, probe, encoding) == byByte->units,
                "a byte column inside or past a character rounds down to a boundary");
    fuzz::check(protocol::byteColumn(line, probe, encoding) == byUnits->byte,
                "a unit column inside or past a character rounds down to a boundary");
  }
}

/// Whole-text conversions: every line's boundaries round-trip through an LSP position, and any
/// position maps to an offset inside the text.
void checkText(const std::string& text, uint32_t probe) {
  static const syntax::ParserPtr parser = syntax::makePythonParser();
  const Document document(text, *parser);
  const LineIndex& lines = document.lines();
  for (PositionEncoding encoding :
       {PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32}) {
    for (uint32_t line = 0; line < lines.lineCount(); ++line) {
      for (const Boundary& boundary : boundaries(lines.lineText(text, line), encoding)) {
        const uint32_t offset = lines.lineStart(line) + boundary.byte;
        const protocol::Position position = lsp::toPosition(document, offset, encoding);
        fuzz::check(position.line == line && position.character == boundary.units,
                    "an offset on a boundary converts to its line and unit column");
        fuzz::check(lsp::toOffset(document, position, encoding) == offset,
                    "a position converts back to its offset");
      }
    }
    const protocol::Position anywhere{probe % (lines.lineCount() + 2), probe};
    fuzz::check(lsp::toOffset(document, anywhere, encoding) <= text.size(),
                "any position converts to an offset inside the text");
    fuzz::check(lsp::toPosition(document, probe, encoding).line < lines.lineCount(),
                "any offset converts to a line of the text");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  // The first two bytes choose a column to probe; the rest is the text.
  const uint32_t probe = data[0] | (uint32_t{data[1]} << 8);
  const std::string text(reinterpret_cast<const char*>(data) + 2, size - 2);
  std::string_view firstLine = text;
  firstLine = firstLine.substr(0, firstLine.find('\n'));
  checkLine(firstLine, probe);
  checkText(text, probe);
  return 0;
}
