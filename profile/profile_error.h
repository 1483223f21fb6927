// Why a profile could not be read, and where: the byte offset in a binary (marshal) profile,
// the line in a text one.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace perfhint::profile {

struct ProfileError {
  enum class Position { None, Byte, Line };
  std::string file;
  Position position = Position::None;
  uint64_t at = 0;  ///< byte offset (0-based) or line (1-based)
  std::string message;

  /// "FILE: byte 123: MESSAGE", "FILE: line 7: MESSAGE" or "FILE: MESSAGE".
  std::string describe() const;
};

/// What the readers throw; loadProfile turns it into a ProfileError with the file name, so no
/// reader returns a profile read half-way.
struct ProfileParseError : std::runtime_error {
  ProfileParseError(ProfileError::Position position_, uint64_t at_, const std::string& message)
      : std::runtime_error(message), position(position_), at(at_) {}
  ProfileError::Position position;
  uint64_t at;
};

}  // namespace perfhint::profile
