// The in-memory profile every reader produces: functions with their own and cumulative cost,
// call counts, caller/callee edges and, where the profiler measured them, per-line costs.
//
// Times are in seconds for cProfile, line_profiler and timed speedscope profiles; sampling
// profilers that record only sample counts (py-spy's raw output, speedscope with unit "none")
// give costs in samples. `Profile::unit` says which, so a report never calls samples seconds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace perfhint::profile {

enum class ProfileFormat { CProfile, Speedscope, CollapsedStacks, LineProfiler };

/// What the costs of a profile count.
enum class CostUnit { Seconds, Samples };

/// A function as the profiler names it. `file` is the path the profiler recorded (often from
/// another machine); `firstLine` is the code object's first line (the first decorator's line for
/// a decorated function) or 0 when the profiler only knows lines inside the function (sampling
/// profilers record the line being run). Built-ins in cProfile output have file "~", line 0.
struct FunctionKey {
  std::string file;
  uint32_t firstLine = 0;
  std::string name;

  friend bool operator==(const FunctionKey&, const FunctionKey&) = default;
};

/// One edge of the call graph: `function` indexes Profile::functions. For a caller edge the
/// figures are those of the calls from that caller (pstats' "callers" view); for a callee edge,
/// those of the calls into that callee.
struct CallEdge {
  size_t function = 0;
  uint64_t calls = 0;
  uint64_t primitiveCalls = 0;
  double ownTime = 0;
  double cumulativeTime = 0;
};

/// The cost of one source line of a function (line_profiler, or the samples that were on it).
struct LineCost {
  uint32_t line = 0;
  uint64_t hits = 0;  ///< times run (line_profiler); samples for sampling profilers
  double time = 0;
};

struct ProfiledFunction {
  FunctionKey key;
  uint64_t calls = 0;           ///< every call, recursive ones included (pstats' nc)
  uint64_t primitiveCalls = 0;  ///< calls not made from inside itself (pstats' cc)
  double ownTime = 0;           ///< time in the function's own code (pstats' tottime)
  double cumulativeTime = 0;    ///< own time plus the callees' (pstats' cumtime)
  std::vector<CallEdge> callers;
  std::vector<CallEdge> callees;
  std::vector<LineCost> lines;  ///< sorted by line; empty when not measured

  bool isBuiltin() const { return key.file == "~"; }
};

struct Profile {
  ProfileFormat format = ProfileFormat::CProfile;
  CostUnit unit = CostUnit::Seconds;
  bool hasCallCounts = false;  ///< sampling profilers count no calls
  /// The whole run: pstats' total (the sum of every own time), the samples or weights of a
  /// sampling profile, the sum of the functions' totals for line_profiler.
  double totalTime = 0;
  std::vector<ProfiledFunction> functions;  ///< in the profile file's order

  /// Indexes into `functions` by decreasing own time, ties in file order: the order of
  /// `pstats.Stats.sort_stats("tottime")`.
  std::vector<size_t> byOwnTime() const;
  /// `cost` as a share of the whole run (0 when the run measured nothing).
  double shareOfRun(double cost) const { return totalTime > 0 ? cost / totalTime : 0; }
};

/// Call counts as pstats prints them: "12/3" (all calls / primitive calls) for recursion,
/// "12" otherwise.
std::string formatCallCounts(const ProfiledFunction& function);

/// A cost for people: "1.23 s", "4.56 ms", "789 µs" for seconds; "1234 samples" for samples.
std::string formatCost(double cost, CostUnit unit);

/// The profiler's name for the format: "cProfile", "speedscope", ...
const char* formatName(ProfileFormat format);

}  // namespace perfhint::profile
