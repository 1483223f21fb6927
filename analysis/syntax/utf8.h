// UTF-8 validation: Python source must be UTF-8 (PEP 3120); anything else is reported, not parsed.
#pragma once

#include <cstddef>
#include <string_view>

namespace perfhint {

/// Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, no surrogates,
/// nothing past U+10FFFF), or npos when the whole text is valid.
size_t firstInvalidUtf8(std::string_view text);

}  // namespace perfhint
