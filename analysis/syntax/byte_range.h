// Byte offsets into a document's UTF-8 text: the only position unit inside analysis.
#pragma once

#include <cstdint>

namespace perfhint {

/// A half-open range [start, end) of byte offsets.
struct ByteRange {
  uint32_t start = 0;
  uint32_t end = 0;

  uint32_t length() const { return end - start; }
  bool contains(uint32_t offset) const { return start <= offset && offset < end; }
  bool contains(ByteRange other) const { return start <= other.start && other.end <= end; }
  bool overlaps(ByteRange other) const { return start < other.end && other.start < end; }
  friend bool operator==(ByteRange, ByteRange) = default;
};

}  // namespace perfhint
