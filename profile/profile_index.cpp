#include "profile/profile_index.h"

#include <algorithm>  // any_of, count_if, lower_bound

namespace perfhint::profile {
namespace {

// line_profiler may name a method by its qualified name ("Index.build").
bool sameName(const std::string& profiled, const std::string& defined) {
  return profiled == defined || (profiled.size() > defined.size() && profiled.ends_with(defined) &&
                                 profiled[profiled.size() - defined.size() - 1] == '.');
}

}  // namespace

ProfileIndex::ProfileIndex(Profile profile, std::vector<std::string> workspaceFiles)
    : profile_(std::move(profile)), paths_(std::move(workspaceFiles)) {
  fileOf_.reserve(profile_.functions.size());
  for (size_t i = 0; i < profile_.functions.size(); ++i) {
    const std::string* file = paths_.map(profile_.functions[i].key.file);
    fileOf_.push_back(file);
    if (file) byFile_[*file].push_back(i);
  }
}

std::span<const size_t> ProfileIndex::functionsIn(const std::string& workspaceFile) const {
  auto found = byFile_.find(workspaceFile);
  if (found == byFile_.end()) return {};
  return found->second;
}

std::optional<size_t> ProfileIndex::find(const std::string& workspaceFile,
                                         std::span<const PythonFunction> functions,
                                         size_t which) const {
  const PythonFunction& wanted = functions[which];
  std::span<const size_t> candidates = functionsIn(workspaceFile);
  for (size_t candidate : candidates) {
    const FunctionKey& key = profile_.functions[candidate].key;
    if (key.firstLine && (key.firstLine == wanted.firstLine || key.firstLine == wanted.defLine) &&
        sameName(key.name, wanted.name)) {
      return candidate;
    }
  }
  for (size_t candidate : candidates) {
    const ProfiledFunction& function = profile_.functions[candidate];
    if (function.key.firstLine || !sameName(function.key.name, wanted.name)) continue;
    bool inside =
        function.lines.empty() ||
        std::any_of(function.lines.begin(), function.lines.end(), [&](const LineCost& line) {
          return wanted.defLine <= line.line && line.line <= wanted.lastLine;
        });
    if (inside) return candidate;
  }
  auto namedInSource =
      std::count_if(functions.begin(), functions.end(),
                    [&](const PythonFunction& f) { return f.name == wanted.name; });
  if (namedInSource != 1) return std::nullopt;
  std::optional<size_t> only;
  for (size_t candidate : candidates) {
    if (!sameName(profile_.functions[candidate].key.name, wanted.name)) continue;
    if (only) return std::nullopt;
    only = candidate;
  }
  return only;
}

std::optional<size_t> ProfileIndex::moduleCode(const std::string& workspaceFile) const {
  for (size_t candidate : functionsIn(workspaceFile)) {
    if (profile_.functions[candidate].key.name == "<module>") return candidate;
  }
  return std::nullopt;
}

MeasuredCost ProfileIndex::costAt(const std::string& workspaceFile,
                                  std::span<const PythonFunction> functions, uint32_t offset,
                                  uint32_t line) const {
  MeasuredCost cost;
  int innermost = innermostFunctionAt(functions, offset);
  if (innermost >= 0) {
    cost.function = functions[static_cast<size_t>(innermost)].name;
    cost.functionLine = functions[static_cast<size_t>(innermost)].defLine;
    cost.profiled = find(workspaceFile, functions, static_cast<size_t>(innermost));
  } else {
    cost.function = "<module>";
    cost.profiled = moduleCode(workspaceFile);
  }
  if (!cost.profiled) {
    // line_profiler watches only the functions it was told to; silence about the others says
    // nothing about whether they ran.
    cost.heat = profile_.format == ProfileFormat::LineProfiler ? Heat::Unmeasured : Heat::Cold;
    return cost;
  }
  const ProfiledFunction& function = profile_.functions[*cost.profiled];
  cost.heat = Heat::Measured;
  cost.time = function.cumulativeTime;
  cost.share = profile_.shareOfRun(cost.time);
  auto measuredLine =
      std::lower_bound(function.lines.begin(), function.lines.end(), line,
                       [](const LineCost& cost_, uint32_t wanted) { return cost_.line < wanted; });
  if (line && measuredLine != function.lines.end() && measuredLine->line == line) {
    cost.line = *measuredLine;
  }
  return cost;
}

}  // namespace perfhint::profile
