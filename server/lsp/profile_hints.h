// What the editor shows from a profile, as text: the code lens above a profiled function, the
// share of a function's time on its hot lines, the hover on its `def`, and how a finding's
// diagnostic changes with the cost of the code around it. Pure functions of the profile.
//
// Formats (exact, tests compare them):
//   lens     "⏱ 1.23 s total · 400 ms own · 1,204 calls · 82% of run"; sampling profiles give
//            samples and no calls ("⏱ 1234 samples total · 400 samples own · 82% of run");
//            line_profiler measures only inclusive time, so its lenses have no "own" part.
//   shares   "82%" from 10% up, "5.3%" below (one decimal).
//   lines    "12% time": a line's share of its function's time, for lines with at least 1%.
#pragma once

#include "profile/profile.h"        // the measurements
#include "profile/profile_index.h"  // MeasuredCost
#include "protocol/lsp_types.h"     // Diagnostic

#include <cstdint>
#include <string>
#include <vector>

namespace perfhint::lsp {

/// A share of the run (0..1) as a percentage: "82%", "5.3%".
std::string formatShare(double share);

/// 1204 -> "1,204".
std::string formatCount(uint64_t count);

/// The code lens title for a profiled function.
std::string codeLensTitle(const profile::Profile& profile,
                          const profile::ProfiledFunction& function);

/// A line of a function that took a noticeable share of the function's time.
struct HotLine {
  uint32_t line = 0;  ///< 1-based, as the profile numbers it
  double share = 0;   ///< of the function's time (0..1)
};

/// The lines of `function` with at least `kHotLineShare` of its time, in line order (empty
/// unless the profiler measured lines and the function took time).
std::vector<HotLine> hotLines(const profile::ProfiledFunction& function);
inline constexpr double kHotLineShare = 0.01;

/// "12% time".
std::string hotLineLabel(const HotLine& line);

/// Hover markdown for a profiled function: its cost in plain words, then its top callers and
/// callees (at most three each, by time).
std::string profileHover(const profile::Profile& profile, size_t function);

/// Adjusts a finding's diagnostic to the cost of the code around it: in a function that took at
/// least `hotThresholdPercent` of the run, one severity level up (hint -> information ->
/// warning -> error) and "(measured: 82% of run time)" appended; in code the profile never ran,
/// hint severity and "(not run in the profile)". Unmeasured code keeps its diagnostic.
void applyMeasuredCost(protocol::Diagnostic& diagnostic, const profile::MeasuredCost& cost,
                       double hotThresholdPercent);

}  // namespace perfhint::lsp
