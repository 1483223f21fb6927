// SARIF 2.1.0 (OASIS), the subset GitHub code scanning reads: the tool with every rule it can
// report, and results pointing into files by relative URI and a one-based region.
#include "server/cli/report.h"

#include "analysis/explain/rule_doc.h"  // rule documentation in markdown
#include "analysis/rules/registry.h"    // every rule, and its index

#include <fmt/format.h>       // percent-encoding
#include <nlohmann/json.hpp>  // the document

#include <map>
#include <string_view>

namespace perfhint::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string_view sarifLevel(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info:
    case Severity::Hint: break;
  }
  return "note";
}

// A path as a URI reference: relative paths stay relative (code scanning resolves them against
// the checkout), absolute ones become file: URIs; bytes outside RFC 3986's unreserved set and
// '/' are percent-encoded.
std::string artifactUri(std::string_view path) {
  std::string uri = path.starts_with('/') ? "file://" : "";
  for (char c : path) {
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      uri += c;
    } else {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return uri;
}

Json ruleDescriptor(const RuleInfo& info) {
  std::string markdown = ruleMarkdown(info);
  return {{"id", info.code},
          {"name", info.name},
          {"shortDescription", {{"text", info.summary}}},
          {"fullDescription", {{"text", markdown}}},
          {"help", {{"text", info.summary}, {"markdown", markdown}}},
          {"defaultConfiguration", {{"level", sarifLevel(info.severity)}}}};
}

Json region(const FileResult& file, ByteRange range) {
  if (file.notebook) {
    // The region in the .ipynb file itself (inside the JSON strings of the source lines), so
    // code scanning marks the right lines; columns only where the file's layout tells them.
    DisplayPosition start = notebookFilePosition(file, range.start, ColumnUnit::Utf16CodeUnits);
    DisplayPosition end = notebookFilePosition(file, range.end, ColumnUnit::Utf16CodeUnits);
    Json result = {{"startLine", start.line}};
    if (start.column) result["startColumn"] = start.column;
    result["endLine"] = end.line;
    if (end.column) result["endColumn"] = end.column;
    return result;
  }
  DisplayPosition start = displayPosition(file, range.start, ColumnUnit::Utf16CodeUnits);
  DisplayPosition end = displayPosition(file, range.end, ColumnUnit::Utf16CodeUnits);
  return {{"startLine", start.line},
          {"startColumn", start.column},
          {"endLine", end.line},
          {"endColumn", end.column}};
}

// For a notebook finding: the cell and the region in the cell's own lines.
Json cellProperties(const FileResult& file, ByteRange range) {
  DisplayPosition start = displayPosition(file, range.start, ColumnUnit::Utf16CodeUnits);
  DisplayPosition end = displayPosition(file, range.end, ColumnUnit::Utf16CodeUnits);
  return {{"cell", start.cell},
          {"cellRegion",
           {{"startLine", start.line},
            {"startColumn", start.column},
            {"endLine", end.line},
            {"endColumn", end.column}}}};
}

}  // namespace

void writeSarifReport(std::ostream& out, std::span<const FileResult> files) {
  Json rules = Json::array();
  std::map<std::string_view, size_t> ruleIndex;
  for (const Rule* rule : allRules()) {
    ruleIndex.emplace(rule->info().code, rules.size());
    rules.push_back(ruleDescriptor(rule->info()));
  }

  Json results = Json::array();
  for (const FileResult& file : files) {
    for (const Finding& finding : file.findings) {
      Json physicalLocation = {{"artifactLocation", {{"uri", artifactUri(file.path)}}},
                               {"region", region(file, finding.range)}};
      Json result = {{"ruleId", finding.rule->code},
                     {"ruleIndex", ruleIndex.at(finding.rule->code)},
                     {"level", sarifLevel(finding.severity)},
                     {"message", {{"text", finding.message}}},
                     {"locations", {{{"physicalLocation", std::move(physicalLocation)}}}}};
      if (file.notebook) result["properties"] = cellProperties(file, finding.range);
      results.push_back(std::move(result));
    }
  }

  Json driver = {{"name", "perfhint"}, {"version", PERFHINT_VERSION}, {"rules", std::move(rules)}};
  Json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs",
               {{{"tool", {{"driver", std::move(driver)}}},
                 {"columnKind", "utf16CodeUnits"},
                 {"results", std::move(results)}}}}};
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace perfhint::cli
