// What a fuzz target does when a property fails: print what was expected and abort, so libFuzzer
// saves the input as a crash and the short CI runs fail.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace perfhint::fuzz {

/// Aborts with `what` (and `detail`, if any) when `condition` is false.
inline void check(bool condition, std::string_view what, std::string_view detail = {}) {
  if (condition) return;
  std::fprintf(stderr, "fuzz property failed: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty())
    std::fprintf(stderr, "%.*s\n", static_cast<int>(detail.size()), detail.data());
  std::abort();
}

}  // namespace perfhint::fuzz
