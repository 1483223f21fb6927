#include "server/cli/report.h"

#include "analysis/fix/apply_fixes.h"  // isApplicable
#include "server/cli/unified_diff.h"   // unifiedDiff

#include <fmt/format.h>   // formatting
#include <fmt/ostream.h>  // print to std::ostream

namespace perfhint::cli {

void writeUnifiedDiffs(std::ostream& out, std::span<const FileResult> files) {
  for (const FileResult& file : files) {
    if (file.notebook) {
      // One diff per changed cell, labelled as ruff does (`nb.ipynb:cell 3`); a patch tool
      // cannot apply these to the JSON, they are for reading.
      const NotebookResult& notebook = *file.notebook;
      for (size_t i = 0; i < notebook.fixedCells.size(); ++i) {
        std::string label =
            fmt::format("{}:cell {}", file.path, notebook.layout.spans()[i].cell + 1);
        out << unifiedDiff(notebook.originalCells[i], notebook.fixedCells[i], "a/" + label,
                           "b/" + label);
      }
      continue;
    }
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
