// GitHub Actions workflow commands (`::warning file=...::message`): printed by a step, each one
// becomes an annotation on the pull request's diff.
#include "server/cli/report.h"

#include "analysis/rules/rule.h"  // RuleInfo

#include <fmt/format.h>   // formatting
#include <fmt/ostream.h>  // print to std::ostream

#include <string_view>

namespace perfhint::cli {
namespace {

std::string_view commandName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info:
    case Severity::Hint: break;
  }
  return "notice";
}

// The runner splits a command at line ends, its message at "::" and its properties at ',' and
// ':'; it decodes %25, %0D, %0A, %3A and %2C back. '%' goes first so no escape is escaped twice.
std::string escapeData(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '%': escaped += "%25"; break;
      case '\r': escaped += "%0D"; break;
      case '\n': escaped += "%0A"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

std::string escapeProperty(std::string_view text) {
  std::string escaped;
  for (char c : escapeData(text)) {
    switch (c) {
      case ':': escaped += "%3A"; break;
      case ',': escaped += "%2C"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

}  // namespace

void writeGithubReport(std::ostream& out, std::span<const FileResult> files) {
  for (const FileResult& file : files) {
    for (const Finding& finding : file.findings) {
      // A notebook's annotation points into the .ipynb file itself (the JSON strings of the
      // source lines), where the pull request shows it; the title names the cell.
      DisplayPosition start = file.notebook ? notebookFilePosition(file, finding.range.start)
                                            : displayPosition(file, finding.range.start);
      DisplayPosition end = file.notebook ? notebookFilePosition(file, finding.range.end)
                                          : displayPosition(file, finding.range.end);
      std::string cell = start.cell ? fmt::format(" in cell {}", start.cell) : "";
      // Annotations take columns only for a range on one line (as the checks API documents).
      std::string position = start.line == end.line && start.column && end.column
                                 ? fmt::format("line={},col={},endLine={},endColumn={}", start.line,
                                               start.column, end.line, end.column)
                                 : fmt::format("line={},endLine={}", start.line, end.line);
      fmt::print(
          out, "::{} file={},{},title={}::{}\n", commandName(finding.severity),
          escapeProperty(file.path), position,
          escapeProperty(fmt::format("{} ({}){}", finding.rule->code, finding.rule->name, cell)),
          escapeData(finding.message));
    }
  }
}

}  // namespace perfhint::cli
