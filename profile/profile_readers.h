// The readers behind loadProfile, one per format. Each builds a complete Profile or throws
// ProfileParseError with the byte offset or line of the first problem; none keeps state.
#pragma once

#include "profile/profile.h"  // what they build

#include <string_view>

namespace perfhint::profile {

/// A `pstats` dump (`python -m cProfile -o FILE`, `profile`, `Stats.dump_stats`).
Profile readCProfile(std::string_view bytes);

/// A speedscope JSON file (`py-spy record --format speedscope`, and other exporters).
Profile readSpeedscope(std::string_view text);

/// Collapsed stacks, one `frame;frame;frame COUNT` per line (`py-spy record --format raw`,
/// Austin, flamegraph tools).
Profile readCollapsedStacks(std::string_view text);

/// line_profiler's text report (`python -m line_profiler FILE.lprof`, `kernprof -l -v`).
Profile readLineProfiler(std::string_view text);

}  // namespace perfhint::profile
