// The Python version the checked code must run on (`target-version`), so a rule or fix can
// decline to suggest what an older interpreter lacks (`@dataclass(slots=True)` needs 3.10).
#pragma once

#include <compare>
#include <cstdint>

namespace perfhint {

struct PythonVersion {
  uint8_t major = 3;
  uint8_t minor = 14;

  friend constexpr auto operator<=>(const PythonVersion&, const PythonVersion&) = default;
};

/// The oldest and newest versions `target-version` accepts.
inline constexpr PythonVersion kOldestPythonVersion{3, 8};
inline constexpr PythonVersion kNewestPythonVersion{3, 14};

}  // namespace perfhint
