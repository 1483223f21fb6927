// Writers for `perfhint check --output-format`: one function per format.
#pragma once

#include "server/cli/check_runner.h"  // what is reported

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

/// `--statistics`: one line per code with its count, most frequent first.
void writeStatistics(std::ostream& out, std::span<const FileResult> files,
                     const ReportOptions& options);

/// A JSON array with one object per finding, in the shape of ruff's `json` output: code, name,
/// message, severity, filename, location and end_location ({row, column}, one-based, columns in
/// code points, the end exclusive), fix ({applicability, message, edits} or null), loop_depth.
void writeJsonReport(std::ostream& out, std::span<const FileResult> files);

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
