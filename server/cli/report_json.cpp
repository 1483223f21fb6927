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

Json findingJson(const FileResult& file, const Finding& finding) {
  Json entry = {{"code", finding.rule->code},
                {"name", finding.rule->name},
                {"message", finding.message},
                {"severity", severityName(finding.severity)},
                {"filename", file.path}};
  // A notebook's rows count from the first line of the finding's cell (its fix edits stay in
  // that cell); `cell` is the one-based position of that cell in the notebook.
  if (file.notebook) entry["cell"] = displayPosition(file, finding.range.start).cell;
  entry["location"] = location(file, finding.range.start);
  entry["end_location"] = location(file, finding.range.end);
  entry["fix"] = finding.fix ? fixJson(file, *finding.fix) : Json(nullptr);
  entry["loop_depth"] = finding.loopDepth;
  return entry;
}

const char* heatName(profile::Heat heat) {
  switch (heat) {
    case profile::Heat::Measured: return "measured";
    case profile::Heat::Cold: return "cold";
    case profile::Heat::Unmeasured: return "unmeasured";
  }
  return "cold";
}

void writeFindings(std::ostream& out, const Json& findings) {
  // Sources are checked UTF-8, but a message could still cut a character in two: replace, never
  // throw halfway through the output.
  out << findings.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

void writeJsonReport(std::ostream& out, std::span<const FileResult> files) {
  Json findings = Json::array();
  for (const FileResult& file : files) {
    for (const Finding& finding : file.findings) findings.push_back(findingJson(file, finding));
  }
  writeFindings(out, findings);
}

void writeMeasuredJsonReport(std::ostream& out, std::span<const MeasuredFinding> findings,
                             const profile::Profile& profile) {
  Json array = Json::array();
  for (const MeasuredFinding& measured : findings) {
    Json finding = findingJson(*measured.file, *measured.finding);
    const profile::MeasuredCost& cost = measured.cost;
    finding["measured"] = {
        {"heat", heatName(cost.heat)},
        {"function", cost.function},
        {"function_line", cost.functionLine ? Json(cost.functionLine) : Json(nullptr)},
        {"time", cost.heat == profile::Heat::Measured ? Json(cost.time) : Json(nullptr)},
        {"unit", profile.unit == profile::CostUnit::Seconds ? "seconds" : "samples"},
        {"share", cost.heat == profile::Heat::Measured ? Json(cost.share) : Json(nullptr)},
        {"line_time", cost.line ? Json(cost.line->time) : Json(nullptr)},
        {"line_hits", cost.line ? Json(cost.line->hits) : Json(nullptr)}};
    array.push_back(std::move(finding));
  }
  writeFindings(out, array);
}

}  // namespace perfhint::cli
