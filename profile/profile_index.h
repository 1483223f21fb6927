// A profile joined to the workspace: which workspace file each profiled function is in, which
// profiled function each `def` is, and what the function around a finding cost. This is what the
// command line and the editor query; it is read-only once built, so threads may share it.
//
//   ProfileLoad load = loadProfile(path);  // or parseProfile(bytes, name); error.describe()
//   ProfileIndex index(std::move(*load.profile), workspaceFiles);  // once per profile
//   std::vector<PythonFunction> defs = pythonFunctions(document);  // once per document version
//   MeasuredCost cost = index.costAt(file, defs, finding.range.start);
//
// `file` is a workspace file named as in `workspaceFiles`; costs are in profile().unit.
#pragma once

#include "profile/path_mapping.h"      // profile paths -> workspace files
#include "profile/profile.h"           // the measurements
#include "profile/python_functions.h"  // defs of a file

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace perfhint::profile {

/// How a piece of code fared in the run.
enum class Heat {
  Measured,    ///< its function ran and has a cost
  Cold,        ///< the profile covers the whole run and its function never ran
  Unmeasured,  ///< the profiler only watched some functions (line_profiler), not this one
};

/// The cost of the function around a finding.
struct MeasuredCost {
  Heat heat = Heat::Cold;
  std::string function;            ///< the enclosing def's name, "<module>" at module level
  uint32_t functionLine = 0;       ///< the def's line (1-based); 0 at module level
  std::optional<size_t> profiled;  ///< index into Profile::functions when measured
  double time = 0;                 ///< the function's cumulative cost, in Profile::unit
  double share = 0;                ///< `time` as a share of the whole run (0..1)
  /// The finding's own line, when the profiler measured lines (sampling profilers,
  /// line_profiler) and that line ran: its time includes the calls made on it.
  std::optional<LineCost> line;
};

class ProfileIndex {
 public:
  /// `workspaceFiles` as the caller names them; the same names are used in every query.
  ProfileIndex(Profile profile, std::vector<std::string> workspaceFiles);

  const Profile& profile() const { return profile_; }
  const PathMapper& paths() const { return paths_; }

  /// The workspace file a profiled function is in, or nullptr (library code, another project).
  const std::string* workspaceFileOf(size_t function) const { return fileOf_[function]; }
  /// The profiled functions in a workspace file, as indexes into profile().functions.
  std::span<const size_t> functionsIn(const std::string& workspaceFile) const;

  /// The profiled function that is `functions[which]`, a def of `workspaceFile`: the one with
  /// its first line and name; for sampling profilers, the one with its name and samples inside
  /// it; failing those (the file changed since the run), the one with its name if the name is
  /// unique in both.
  std::optional<size_t> find(const std::string& workspaceFile,
                             std::span<const PythonFunction> functions, size_t which) const;

  /// The profiled module-level code of a workspace file ("<module>"), if the profile has it.
  std::optional<size_t> moduleCode(const std::string& workspaceFile) const;

  /// The cost of the innermost function around byte `offset` of `workspaceFile`, whose defs are
  /// `functions` (from pythonFunctions on the same text); with `line` (1-based, the line of
  /// `offset`), also that line's cost when the profile has it.
  MeasuredCost costAt(const std::string& workspaceFile, std::span<const PythonFunction> functions,
                      uint32_t offset, uint32_t line = 0) const;

 private:
  Profile profile_;
  PathMapper paths_;
  std::vector<const std::string*> fileOf_;
  std::unordered_map<std::string, std::vector<size_t>> byFile_;
};

}  // namespace perfhint::profile
