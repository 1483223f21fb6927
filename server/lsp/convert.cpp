#include "server/lsp/convert.h"

#include "analysis/engine/analyzer.h"  // severityForDepth
#include "analysis/rules/rule.h"       // RuleInfo

#include <algorithm>  // min, mismatch

namespace perfhint::lsp {
namespace {

protocol::DiagnosticSeverity toLspSeverity(Severity severity) {
  switch (severity) {
    case Severity::Error: return protocol::DiagnosticSeverity::Error;
    case Severity::Warning: return protocol::DiagnosticSeverity::Warning;
    case Severity::Info: return protocol::DiagnosticSeverity::Information;
    case Severity::Hint: break;
  }
  return protocol::DiagnosticSeverity::Hint;
}

std::string anchorOf(const RuleInfo& rule) {
  std::string anchor = std::string(rule.code) + "-" + std::string(rule.name);
  for (char& c : anchor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return anchor;
}

}  // namespace

protocol::Position toPosition(const Document& document, uint32_t offset,
                              protocol::PositionEncoding encoding) {
  LineColumn at = document.lines().lineColumn(offset);
  std::string_view line = document.lines().lineText(document.text(), at.line);
  return {at.line, protocol::encodedColumn(line, at.column, encoding)};
}

uint32_t toOffset(const Document& document, protocol::Position position,
                  protocol::PositionEncoding encoding) {
  const LineIndex& lines = document.lines();
  if (position.line >= lines.lineCount()) return static_cast<uint32_t>(document.text().size());
  std::string_view line = lines.lineText(document.text(), position.line);
  return lines.lineStart(position.line) + protocol::byteColumn(line, position.character, encoding);
}

protocol::Range toRange(const Document& document, ByteRange range,
                        protocol::PositionEncoding encoding) {
  return {toPosition(document, range.start, encoding), toPosition(document, range.end, encoding)};
}

ByteRange toByteRange(const Document& document, const protocol::Range& range,
                      protocol::PositionEncoding encoding) {
  uint32_t start = toOffset(document, range.start, encoding);
  uint32_t end = toOffset(document, range.end, encoding);
  return start <= end ? ByteRange{start, end} : ByteRange{end, start};
}

std::vector<protocol::TextEdit> toTextEdits(const Document& document, const Fix& fix,
                                            protocol::PositionEncoding encoding) {
  std::vector<protocol::TextEdit> edits;
  edits.reserve(fix.edits.size());
  for (const FixEdit& edit : fix.edits) {
    edits.push_back({toRange(document, edit.range, encoding), edit.replacement});
  }
  return edits;
}

protocol::Diagnostic toDiagnostic(const Document& document, const Finding& finding, int version,
                                  const ServerSettings& settings,
                                  protocol::PositionEncoding encoding,
                                  const std::string& docsBase) {
  const RuleInfo& rule = *finding.rule;
  protocol::Diagnostic diagnostic;
  diagnostic.range = toRange(document, finding.range, encoding);
  Severity severity = finding.severity;
  if (auto override = settings.severity.find(rule.code); override != settings.severity.end()) {
    severity = severityForDepth(override->second, finding.loopDepth);
  }
  diagnostic.severity = toLspSeverity(severity);
  diagnostic.code = std::string(rule.code);
  if (!docsBase.empty())
    diagnostic.codeDescription = protocol::CodeDescription{docsBase + "#" + anchorOf(rule)};
  diagnostic.source = "perfhint";
  diagnostic.message = finding.message;
  nlohmann::json data = {{"version", version}};
  if (finding.fix) {
    data["fix"] = {{"title", finding.fix->title},
                   {"safe", finding.fix->safety == FixSafety::Safe},
                   {"edits", toTextEdits(document, *finding.fix, encoding)}};
  }
  diagnostic.data = std::move(data);
  return diagnostic;
}

protocol::TextEdit wholeDocumentEdit(const Document& document, const std::string& after,
                                     protocol::PositionEncoding encoding) {
  const std::string& before = document.text();
  size_t prefix = static_cast<size_t>(
      std::mismatch(before.begin(), before.end(), after.begin(), after.end()).first -
      before.begin());
  size_t maxSuffix = std::min(before.size(), after.size()) - prefix;
  size_t suffix = 0;
  while (suffix < maxSuffix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  // Keep whole UTF-8 characters on both sides of the edit.
  auto isContinuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  while (prefix > 0 && prefix < before.size() && isContinuation(before[prefix])) --prefix;
  while (suffix > 0 && isContinuation(before[before.size() - suffix])) --suffix;
  ByteRange replaced{static_cast<uint32_t>(prefix), static_cast<uint32_t>(before.size() - suffix)};
  return {toRange(document, replaced, encoding),
          after.substr(prefix, after.size() - suffix - prefix)};
}

}  // namespace perfhint::lsp
