#include "server/cli/report.h"

#include "analysis/explain/rule_doc.h"  // severityName
#include "analysis/rules/rule.h"        // RuleInfo

#include <nlohmann/json.hpp>  // the document

#include <algorithm>  // sort
#include <vector>

namespace perfhint::cli {
namespace {

// Keys in the order a reader wants them, not alphabetical.
using Json = nlohmann::ordered_json;

Json location(const FileResult& file, uint32_t offset) {
  DisplayPosition position = displayPosition(file, offset);
  return {{"row", position.line}, {"column", position.column}};
}

Json fixJson(const FileResult& file, const Fix& fix) {
  std::vector<const FixEdit*> edits;
  for (const FixEdit& edit : fix.edits) edits.push_back(&edit);
  std::sort(edits.begin(), edits.end(),
            [](const FixEdit* a, const FixEdit* b) { return a->range.start < b->range.start; });
  Json editsJson = Json::array();
  for (const FixEdit* edit : edits) {
    editsJson.push_back({{"content", edit->replacement},
                         {"location", location(file, edit->range.start)},
                         {"end_location", location(file, edit->range.end)}});
  }
  return {{"applicability", fix.safety == FixSafety::Safe ? "safe" : "unsafe"},
          {"message", fix.title},
          {"edits", std::move(editsJson)}};
}

}  // namespace

void writeJsonReport(std::ostream& out, std::span<const FileResult> files) {
  Json findings = Json::array();
  for (const FileResult& file : files) {
    for (const Finding& finding : file.findings) {
      Json entry = {{"code", finding.rule->code},
                    {"name", finding.rule->name},
                    {"message", finding.message},
                    {"severity", severityName(finding.severity)},
                    {"filename", file.path}};
      // A notebook's rows count from the first line of the finding's cell (its fix edits stay
      // in that cell); `cell` is the one-based position of that cell in the notebook.
      if (file.notebook) entry["cell"] = displayPosition(file, finding.range.start).cell;
      entry["location"] = location(file, finding.range.start);
      entry["end_location"] = location(file, finding.range.end);
      entry["fix"] = finding.fix ? fixJson(file, *finding.fix) : Json(nullptr);
      entry["loop_depth"] = finding.loopDepth;
      findings.push_back(std::move(entry));
    }
  }
  // Sources are checked UTF-8, but a message could still cut a character in two: replace, never
  // throw halfway through the output.
  out << findings.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace perfhint::cli
