// A fix: text edits that rewrite a finding into its fast form, marked safe or unsafe.
#pragma once

#include "analysis/syntax/byte_range.h"  // edit ranges

#include <string>
#include <vector>

namespace perfhint {

/// Replace the bytes in `range` with `replacement` (an empty range inserts).
struct FixEdit {
  ByteRange range;
  std::string replacement;
  friend bool operator==(const FixEdit&, const FixEdit&) = default;
};

enum class FixSafety : uint8_t {
  Safe,    ///< keeps the program's meaning in every case the rule accepts
  Unsafe,  ///< usually right, but can change behaviour; applied only when asked
};

struct Fix {
  std::string title;  ///< what the edit does, e.g. "Replace with a list comprehension"
  FixSafety safety = FixSafety::Safe;
  std::vector<FixEdit> edits;  ///< non-overlapping, in any order
};

}  // namespace perfhint
