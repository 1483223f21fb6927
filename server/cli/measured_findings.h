// `check --profile`: each finding with the measured cost of the function around it, hottest
// first, and the words the reports use for that cost.
#pragma once

#include "profile/profile_index.h"    // the profile joined to the workspace
#include "server/cli/check_runner.h"  // FileResult

#include <ostream>
#include <span>
#include <string>
#include <vector>

struct TSParser;

namespace perfhint::cli {

/// A finding with the cost of its enclosing function.
struct MeasuredFinding {
  const FileResult* file = nullptr;
  const Finding* finding = nullptr;
  profile::MeasuredCost cost;
};

/// Every finding of `files`, measured: by decreasing cost of the enclosing function, then (equal
/// cost, cold and unmeasured findings last) in path and text order.
std::vector<MeasuredFinding> measureFindings(std::span<const FileResult> files,
                                             const profile::ProfileIndex& index, TSParser& parser);

/// "[measured: 82.0% of run, 1.23 s in build_index]" (with ", 0.98 s on this line" when the
/// profile measured the finding's line), "[cold: rarely_used never ran]",
/// "[not measured: the profile did not watch rarely_used]".
std::string describeCost(const profile::MeasuredCost& cost, const profile::Profile& profile);

/// On stderr: the profile's files that match no workspace file, listed when they look like
/// project code, counted when they are library code; and a warning when nothing matched.
void reportUnmatchedPaths(std::ostream& out, const profile::ProfileIndex& index,
                          const std::string& profileFile);

}  // namespace perfhint::cli
