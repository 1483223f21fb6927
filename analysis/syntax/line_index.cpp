#include "analysis/syntax/line_index.h"

#include <algorithm>  // upper_bound, min
#include <cstring>    // memchr

namespace perfhint {

LineIndex::LineIndex(std::string_view text) : textLength_(static_cast<uint32_t>(text.size())) {
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* at = begin; at < end;) {
    const void* found = std::memchr(at, '\n', static_cast<size_t>(end - at));
    if (!found) break;
    at = static_cast<const char*>(found) + 1;
    lineStarts_.push_back(static_cast<uint32_t>(at - begin));
  }
}

LineColumn LineIndex::lineColumn(uint32_t offset) const {
  offset = std::min(offset, textLength_);
  auto after = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  auto line = static_cast<uint32_t>(after - lineStarts_.begin() - 1);
  return {line, offset - lineStarts_[line]};
}

uint32_t LineIndex::offset(LineColumn position) const {
  if (position.line >= lineStarts_.size()) return textLength_;
  uint32_t start = lineStarts_[position.line];
  uint32_t next =
      position.line + 1 < lineStarts_.size() ? lineStarts_[position.line + 1] : textLength_;
  return std::min(start + position.column, next);
}

std::string_view LineIndex::lineText(std::string_view text, uint32_t line) const {
  uint32_t start = lineStarts_[line];
  uint32_t end = line + 1 < lineStarts_.size() ? lineStarts_[line + 1] : textLength_;
  std::string_view result = text.substr(start, end - start);
  if (!result.empty() && result.back() == '\n') result.remove_suffix(1);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

uint32_t countCodePoints(std::string_view utf8) {
  return static_cast<uint32_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace perfhint
