// Columns in LSP positions count code units of the negotiated encoding; analysis counts bytes.
// These per-line conversions are the only place where the two meet.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint::protocol {

/// What the `character` of an LSP Position counts (PositionEncodingKind, LSP 3.17).
enum class PositionEncoding {
  Utf8,   ///< bytes of the UTF-8 text
  Utf16,  ///< UTF-16 code units: a character outside the BMP counts 2 (the LSP default)
  Utf32,  ///< code points
};

/// The protocol's name for an encoding: "utf-8", "utf-16" or "utf-32".
std::string_view positionEncodingName(PositionEncoding encoding);

/// The encoding with the protocol name `name` (exact match), or nullopt for any other string.
std::optional<PositionEncoding> parsePositionEncoding(std::string_view name);

/// Picks the encoding for a session from the client's `general.positionEncodings`: utf-8 when
/// offered (no conversion needed), otherwise utf-16, which every client must support (also when
/// the list is empty or absent).
PositionEncoding negotiatePositionEncoding(const std::vector<std::string>& offered);

// Conversions within one line. `lineText` excludes the line terminator ("\n" or "\r\n").
//
// A character is a well-formed UTF-8 sequence (no overlongs, no surrogates, nothing past
// U+10FFFF), counting its byte length in utf-8, 1 or 2 units in utf-16 and 1 in utf-32. Any byte
// that does not start a well-formed sequence is a character of its own: 1 byte, 1 unit in every
// encoding (as if it were decoded to U+FFFD).
//
// Both directions clamp a column past the end of the line to the line's end (as the LSP spec
// says), and round a column that falls inside a character (a continuation byte, or between the
// two halves of a surrogate pair) down to the start of that character. So results always lie on
// character boundaries. A line whose prefix is ASCII costs no per-character decoding.

/// The column, in `encoding` units, of the character boundary at or before `byteColumn`.
uint32_t encodedColumn(std::string_view lineText, uint32_t byteColumn, PositionEncoding encoding);

/// The byte column of the character boundary at or before `encodedColumn` (`encoding` units).
uint32_t byteColumn(std::string_view lineText, uint32_t encodedColumn, PositionEncoding encoding);

}  // namespace perfhint::protocol
