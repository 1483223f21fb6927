#include "server/cli/measured_findings.h"

#include "analysis/syntax/document.h"  // parsing a file for its defs

#include <fmt/format.h>   // messages
#include <fmt/ostream.h>  // print to std::ostream

#include <algorithm>  // stable_sort

namespace perfhint::cli {

std::vector<MeasuredFinding> measureFindings(std::span<const FileResult> files,
                                             const profile::ProfileIndex& index, TSParser& parser) {
  std::vector<MeasuredFinding> measured;
  for (const FileResult& file : files) {
    if (file.findings.empty()) continue;
    Document document(file.text, parser);
    std::vector<profile::PythonFunction> functions = profile::pythonFunctions(document);
    for (const Finding& finding : file.findings) {
      uint32_t line = file.lines.lineColumn(finding.range.start).line + 1;
      measured.push_back(
          {&file, &finding, index.costAt(file.path, functions, finding.range.start, line)});
    }
  }
  // The input is in path and text order; a stable sort keeps it for equal costs.
  std::stable_sort(measured.begin(), measured.end(),
                   [](const MeasuredFinding& a, const MeasuredFinding& b) {
                     bool aMeasured = a.cost.heat == profile::Heat::Measured;
                     bool bMeasured = b.cost.heat == profile::Heat::Measured;
                     if (aMeasured != bMeasured) return aMeasured;
                     return aMeasured && a.cost.time > b.cost.time;
                   });
  return measured;
}

std::string describeCost(const profile::MeasuredCost& cost, const profile::Profile& profile) {
  switch (cost.heat) {
    case profile::Heat::Measured:
      if (cost.line) {
        return fmt::format("[measured: {:.1f}% of run, {} in {}, {} on this line]",
                           cost.share * 100, profile::formatCost(cost.time, profile.unit),
                           cost.function, profile::formatCost(cost.line->time, profile.unit));
      }
      return fmt::format("[measured: {:.1f}% of run, {} in {}]", cost.share * 100,
                         profile::formatCost(cost.time, profile.unit), cost.function);
    case profile::Heat::Cold:
      if (cost.function == "<module>") return "[cold: this module never ran]";
      return fmt::format("[cold: {} never ran]", cost.function);
    case profile::Heat::Unmeasured:
      if (cost.function == "<module>") {
        return "[not measured: the profile did not watch module-level code]";
      }
      return fmt::format("[not measured: the profile did not watch {}]", cost.function);
  }
  return {};
}

void reportUnmatchedPaths(std::ostream& out, const profile::ProfileIndex& index,
                          const std::string& profileFile) {
  const profile::Profile& profile = index.profile();
  bool anyMatched = false;
  for (size_t i = 0; i < profile.functions.size() && !anyMatched; ++i) {
    anyMatched = index.workspaceFileOf(i) != nullptr;
  }
  profile::UnmatchedPaths unmatched = profile::unmatchedPaths(profile, index.paths());
  if (!anyMatched) {
    fmt::print(out, "perfhint: warning: no file of {} is among the checked files\n", profileFile);
  }
  for (const std::string& path : unmatched.workspaceLike) {
    fmt::print(out, "perfhint: {}: not in the checked files: {}\n", profileFile, path);
  }
  if (unmatched.external) {
    fmt::print(out,
               "perfhint: {}: {} file{} of the standard library, installed packages or "
               "built-ins left out\n",
               profileFile, unmatched.external, unmatched.external == 1 ? "" : "s");
  }
}

}  // namespace perfhint::cli
