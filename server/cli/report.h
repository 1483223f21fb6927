// Writers for `perfhint check --output-format`: one function per format.
#pragma once

#include "server/cli/check_runner.h"       // what is reported
#include "server/cli/measured_findings.h"  // check --profile

#include <ostream>
#include <span>

namespace perfhint::cli {

struct ReportOptions {
  bool color = false;         ///< ANSI colour (text only; on a terminal without NO_COLOR)
  bool unsafeFixes = false;   ///< count unsafe fixes as available
  size_t uncheckedPaths = 0;  ///< paths that could not be checked (reported on stderr)
};

/// `path:line:col: CODE message`, the source line and a caret underline, then a summary.
void writeTextReport(std::ostream& out, std::span<const FileResult> files,
                     const ReportOptions& options);

/// `check --profile`: the text report with the measured cost of each finding's function after its
/// message (see describeCost), findings in the order given (hottest first).
void writeMeasuredTextReport(std::ostream& out, std::span<const FileResult> files,
                             std::span<const MeasuredFinding> findings,
                             const profile::Profile& profile, const ReportOptions& options);

/// `--statistics`: one line per code with its count, most frequent first.
void writeStatistics(std::ostream& out, std::span<const FileResult> files,
                     const ReportOptions& options);

/// A JSON array with one object per finding, in the shape of ruff's `json` output: code, name,
/// message, severity, filename, location and end_location ({row, column}, one-based, columns in
/// code points, the end exclusive), fix ({applicability, message, edits} or null), loop_depth.
void writeJsonReport(std::ostream& out, std::span<const FileResult> files);

/// `check --profile --output-format json`: the JSON report in the order given (hottest first),
/// each finding with a `measured` object: heat ("measured", "cold" or "unmeasured"), function,
/// function_line, time, unit ("seconds" or "samples"), share (0..1), and line_time and line_hits
/// (the finding's line, when the profiler measured lines; null otherwise).
void writeMeasuredJsonReport(std::ostream& out, std::span<const MeasuredFinding> findings,
                             const profile::Profile& profile);

/// A SARIF 2.1.0 log for code scanning: every rule with its documentation, and one result per
/// finding with a region in one-based lines and UTF-16 columns (`columnKind` utf16CodeUnits).
void writeSarifReport(std::ostream& out, std::span<const FileResult> files);

/// GitHub Actions workflow commands, one per finding, which annotate the pull request:
/// `::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=CODE (name)::message` (a range
/// over several lines gives no columns). Levels: error, warning, notice.
void writeGithubReport(std::ostream& out, std::span<const FileResult> files);

/// `--diff`: a unified diff (`--- a/PATH`, `+++ b/PATH`) of every file the fixes change.
void writeUnifiedDiffs(std::ostream& out, std::span<const FileResult> files);

/// After `--diff`: "Would fix N findings." or "No fixes would be applied.", with the number of
/// findings whose fix needs `--unsafe-fixes`.
void writeDiffSummary(std::ostream& out, std::span<const FileResult> files, bool unsafeFixes);

}  // namespace perfhint::cli
