#include "server/cli/report.h"

#include "analysis/explain/rule_doc.h"  // severity names
#include "analysis/fix/apply_fixes.h"   // isApplicable
#include "analysis/rules/rule.h"        // RuleInfo

#include <fmt/format.h>   // formatting
#include <fmt/ostream.h>  // print to std::ostream

#include <algorithm>
#include <map>

namespace perfhint::cli {
namespace {

struct Style {
  bool on;
  std::string_view bold() const { return on ? "\x1b[1m" : ""; }
  std::string_view red() const { return on ? "\x1b[1;31m" : ""; }
  std::string_view cyan() const { return on ? "\x1b[36m" : ""; }
  std::string_view reset() const { return on ? "\x1b[0m" : ""; }
};

// The caret line under a finding: spaces up to its column, then one caret per code point of the
// finding on its first line (at least one).
std::string caretLine(std::string_view lineText, uint32_t startColumn, uint32_t endColumn) {
  std::string carets;
  for (uint32_t i = 0; i < startColumn && i < lineText.size(); ++i) {
    if ((static_cast<unsigned char>(lineText[i]) & 0xC0) == 0x80) continue;
    carets += lineText[i] == '\t' ? '\t' : ' ';
  }
  uint32_t width = countCodePoints(lineText.substr(startColumn, endColumn - startColumn));
  carets.append(std::max<uint32_t>(width, 1), '^');
  return carets;
}

}  // namespace

namespace {

// One finding: `path:line:col: CODE message [*] SUFFIX`, its source line and the carets.
void writeFinding(std::ostream& out, const FileResult& file, const Finding& finding,
                  const ReportOptions& options, std::string_view suffix) {
  Style style{options.color};
  DisplayPosition position = displayPosition(file, finding.range.start);
  // In a notebook, ruff's `nb.ipynb:cell 3:2:5`: the cell, then the line within it.
  std::string cell = position.cell ? fmt::format("cell {}:", position.cell) : "";
  fmt::print(out, "{}{}{}:{}{}:{}: {}{}{} {}{}{}{}\n", style.bold(), file.path, style.reset(), cell,
             position.line, position.column, style.red(), finding.rule->code, style.reset(),
             finding.message, isApplicable(finding, options.unsafeFixes) ? " [*]" : "",
             suffix.empty() ? "" : " ", suffix);

  LineColumn start = file.lines.lineColumn(finding.range.start);
  LineColumn end = file.lines.lineColumn(finding.range.end);
  std::string_view lineText = file.lines.lineText(file.text, start.line);
  uint32_t endColumn = end.line == start.line ? end.column : static_cast<uint32_t>(lineText.size());
  endColumn = std::min<uint32_t>(endColumn, static_cast<uint32_t>(lineText.size()));
  fmt::print(out, "    {}\n    {}{}{}\n", lineText, style.cyan(),
             caretLine(lineText, start.column, endColumn), style.reset());
}

// The lines after the findings: what was fixed, how many were found, how many are fixable.
void writeSummary(std::ostream& out, std::span<const FileResult> files,
                  const ReportOptions& options) {
  size_t total = 0, fixable = 0, unsafeOnly = 0, fixed = 0;
  for (const FileResult& file : files) {
    fixed += file.fixesApplied;
    for (const Finding& finding : file.findings) {
      ++total;
      if (isApplicable(finding, options.unsafeFixes))
        ++fixable;
      else if (finding.fix)
        ++unsafeOnly;
    }
  }
  if (fixed) fmt::print(out, "Fixed {} finding{}.\n", fixed, fixed == 1 ? "" : "s");
  if (total == 0) {
    if (options.uncheckedPaths) {
      fmt::print(out, "No findings, but {} path{} could not be checked.\n", options.uncheckedPaths,
                 options.uncheckedPaths == 1 ? "" : "s");
    } else if (!fixed) {
      fmt::print(out, "All checks passed.\n");
    }
    return;
  }
  fmt::print(out, "Found {} finding{}.\n", total, total == 1 ? "" : "s");
  if (fixable) {
    fmt::print(out, "[*] {} fixable with `perfhint check --fix{}`.\n", fixable,
               options.unsafeFixes ? " --unsafe-fixes" : "");
  }
  if (unsafeOnly) {
    fmt::print(out, "{} more fixable with `--unsafe-fixes`.\n", unsafeOnly);
  }
}

}  // namespace

void writeTextReport(std::ostream& out, std::span<const FileResult> files,
                     const ReportOptions& options) {
  for (const FileResult& file : files) {
    for (const Finding& finding : file.findings) writeFinding(out, file, finding, options, {});
  }
  writeSummary(out, files, options);
}

void writeMeasuredTextReport(std::ostream& out, std::span<const FileResult> files,
                             std::span<const MeasuredFinding> findings,
                             const profile::Profile& profile, const ReportOptions& options) {
  for (const MeasuredFinding& measured : findings) {
    writeFinding(out, *measured.file, *measured.finding, options,
                 describeCost(measured.cost, profile));
  }
  writeSummary(out, files, options);
}

void writeStatistics(std::ostream& out, std::span<const FileResult> files,
                     const ReportOptions& options) {
  struct Row {
    const RuleInfo* rule;
    size_t count = 0;
    bool fixable = false;
  };
  std::map<std::string_view, Row> rows;
  for (const FileResult& file : files) {
    for (const Finding& finding : file.findings) {
      Row& row = rows.try_emplace(finding.rule->code, Row{finding.rule}).first->second;
      ++row.count;
      row.fixable = row.fixable || isApplicable(finding, options.unsafeFixes);
    }
  }
  std::vector<Row> sorted;
  for (auto& [code, row] : rows) sorted.push_back(row);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Row& a, const Row& b) { return a.count > b.count; });
  for (const Row& row : sorted) {
    fmt::print(out, "{:>5}\t{}\t{}{}\n", row.count, row.rule->code, row.fixable ? "[*] " : "",
               row.rule->name);
  }
}

}  // namespace perfhint::cli
