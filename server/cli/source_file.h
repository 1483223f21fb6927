// Reading a Python file from disk, refusing what is not UTF-8 text.
#pragma once

#include <optional>
#include <string>

namespace perfhint::cli {

struct LoadedSource {
  std::optional<std::string> text;  ///< set when the file was read and is UTF-8 text
  std::string error;                ///< otherwise why not, e.g. "not valid UTF-8 at byte 12"
};

/// Reads the whole file. A NUL byte makes it binary; invalid UTF-8 is refused with the offset.
LoadedSource loadSource(const std::string& path);

}  // namespace perfhint::cli
