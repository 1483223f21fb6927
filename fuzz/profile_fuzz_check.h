// Shared by the profile fuzz targets: a reader either builds a consistent profile or refuses
// the input with a place inside it; it never crashes, hangs or reads out of bounds.
#pragma once

#include "fuzz/fuzz_check.h"
#include "profile/profile.h"        // what a reader builds
#include "profile/profile_error.h"  // what it throws

#include <algorithm>  // count
#include <cmath>      // isfinite
#include <string_view>

namespace perfhint::fuzz {

/// Every edge names a function of the profile and every figure is a finite number.
inline void checkProfile(const profile::Profile& built) {
  size_t size = built.functions.size();
  check(std::isfinite(built.totalTime), "the run's total is finite");
  for (const profile::ProfiledFunction& function : built.functions) {
    check(std::isfinite(function.ownTime) && std::isfinite(function.cumulativeTime),
          "a function's times are finite", function.key.name);
    for (const auto* edges : {&function.callers, &function.callees}) {
      for (const profile::CallEdge& edge : *edges) {
        check(edge.function < size, "a call edge names a function of the profile");
      }
    }
    for (size_t i = 1; i < function.lines.size(); ++i) {
      check(function.lines[i - 1].line < function.lines[i].line ||
                built.format == profile::ProfileFormat::LineProfiler,
            "sampled lines are sorted and distinct");
    }
  }
}

/// Runs `read` on the input: a profile must be consistent, a refusal must point inside it.
template <typename Reader>
void checkReader(std::string_view input, Reader&& read) {
  try {
    checkProfile(read(input));
  } catch (const profile::ProfileParseError& error) {
    if (error.position == profile::ProfileError::Position::Byte) {
      check(error.at <= input.size(), "a refusal's byte offset lies inside the input");
    } else if (error.position == profile::ProfileError::Position::Line) {
      auto lines = static_cast<uint64_t>(std::count(input.begin(), input.end(), '\n')) + 1;
      check(error.at >= 1 && error.at <= lines, "a refusal's line lies inside the input");
    }
  }
}

}  // namespace perfhint::fuzz
