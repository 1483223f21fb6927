// Writers for `perfhint check --output-format`: one function per format.
#pragma once

#include "server/cli/check_runner.h"  // what is reported

#include <ostream>
#include <span>

namespace perfhint::cli {

struct ReportOptions {
  bool color = false;         ///< ANSI colour (text only; on a terminal without NO_COLOR)
  bool unsafeFixes = false;   ///< count unsafe fixes as available
};

/// `path:line:col: CODE message`, the source line and a caret underline, then a summary.
void writeTextReport(std::ostream& out, std::span<const FileResult> files, const ReportOptions& options);

/// `--statistics`: one line per code with its count, most frequent first.
void writeStatistics(std::ostream& out, std::span<const FileResult> files, const ReportOptions& options);

}  // namespace perfhint::cli
