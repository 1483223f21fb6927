#include "server/cli/report.h"

#include "analysis/fix/apply_fixes.h"  // isApplicable
#include "server/cli/unified_diff.h"   // unifiedDiff

#include <fmt/format.h>   // formatting
#include <fmt/ostream.h>  // print to std::ostream

namespace perfhint::cli {

void writeUnifiedDiffs(std::ostream& out, std::span<const FileResult> files) {
  for (const FileResult& file : files) {
    // The a/ and b/ prefixes are git's; `patch -p1` and `git apply` both take them.
    out << unifiedDiff(file.originalText, file.text, "a/" + file.path, "b/" + file.path);
  }
}

void writeDiffSummary(std::ostream& out, std::span<const FileResult> files, bool unsafeFixes) {
  size_t fixed = 0, unsafeOnly = 0;
  for (const FileResult& file : files) {
    fixed += file.fixesApplied;
    for (const Finding& finding : file.findings) {
      unsafeOnly += finding.fix && !isApplicable(finding, unsafeFixes);
    }
  }
  std::string more = unsafeOnly ? fmt::format(" ({} {}fixable with `--unsafe-fixes`)", unsafeOnly,
                                              fixed ? "more " : "")
                                : "";
  if (fixed) {
    fmt::print(out, "Would fix {} finding{}{}.\n", fixed, fixed == 1 ? "" : "s", more);
  } else {
    fmt::print(out, "No fixes would be applied{}.\n", more);
  }
}

}  // namespace perfhint::cli
