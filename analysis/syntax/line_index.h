// Maps byte offsets to (line, column) and back. Built with one memchr scan of the text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace perfhint {

/// A zero-based line and a zero-based byte column within that line.
struct LineColumn {
  uint32_t line = 0;
  uint32_t column = 0;
  friend bool operator==(LineColumn, LineColumn) = default;
};

/// The start offset of every line. A line ends after its '\n'; "\r\n" counts as one line end.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  /// Line and byte column of `offset` (clamped to the end of the text).
  LineColumn lineColumn(uint32_t offset) const;
  /// Byte offset of a line and byte column; both clamped to the text.
  uint32_t offset(LineColumn position) const;
  uint32_t lineStart(uint32_t line) const { return lineStarts_[line]; }
  /// The line's text without its line terminator.
  std::string_view lineText(std::string_view text, uint32_t line) const;
  uint32_t lineCount() const { return static_cast<uint32_t>(lineStarts_.size()); }

 private:
  std::vector<uint32_t> lineStarts_{0};
  uint32_t textLength_ = 0;
};

/// Number of Unicode code points in a UTF-8 byte string (continuation bytes are not counted).
uint32_t countCodePoints(std::string_view utf8);

}  // namespace perfhint
