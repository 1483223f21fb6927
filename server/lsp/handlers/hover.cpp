// textDocument/hover: on a flagged range, the finding explained; on the `def` line of a function
// the profile measured, its cost with its top callers and callees; on a code in a `# noqa`
// comment, that rule's documentation; elsewhere nothing.
#include "server/lsp/language_server.h"

#include "analysis/engine/suppression.h"  // parseNoqa
#include "analysis/explain/rule_doc.h"    // rule documentation
#include "analysis/rules/registry.h"      // findRule
#include "server/lsp/convert.h"           // positions
#include "server/lsp/hover_text.h"        // finding explanations
#include "server/lsp/profile_hints.h"     // profile explanations

namespace perfhint::lsp {
namespace {

// The rule code under `offset` in a `# noqa: ...` comment, or empty.
std::string_view noqaCodeAt(const Document& document, uint32_t offset) {
  TSNode node = ts_node_descendant_for_byte_range(document.root(), offset, offset);
  if (syntax::nodeType(node) != "comment") return {};
  std::string_view comment = document.text(node);
  bool all = false;
  std::vector<std::string_view> codes;
  if (!parseNoqa(comment, all, codes)) return {};
  for (std::string_view code : codes) {
    auto start = static_cast<uint32_t>(code.data() - document.text().data());
    if (start <= offset && offset <= start + code.size()) return code;
  }
  return {};
}

// On the `def` line of a profiled function: its measurements, after any findings there (`range`
// is then theirs; alone, the hover covers the line from `def`).
void appendProfileHover(const OpenDocument& open, uint32_t offset, std::string& markdown,
                        ByteRange& range) {
  const DocumentAnalysis& analysis = *open.analysis;
  if (!analysis.profile || analysis.profilePath.empty()) return;
  const LineIndex& lines = open.document->lines();
  uint32_t line = lines.lineColumn(offset).line;
  for (size_t i = 0; i < analysis.functions.size(); ++i) {
    const profile::PythonFunction& function = analysis.functions[i];
    if (function.defLine != line + 1) continue;
    const profile::ProfileIndex& index = analysis.profile->index;
    std::optional<size_t> measured = index.find(analysis.profilePath, analysis.functions, i);
    if (!measured) continue;
    if (markdown.empty()) {
      auto end = static_cast<uint32_t>(lines.lineStart(line) +
                                       lines.lineText(open.document->text(), line).size());
      range = ByteRange{function.startByte, end};
    } else {
      markdown += "\n\n---\n\n";
    }
    markdown += profileHover(index.profile(), *measured);
    return;
  }
}

}  // namespace

void LanguageServer::hover(protocol::HoverParams params, Reply reply) {
  auto document = findDocument(params.textDocument.uri, "hover");
  if (!document) {
    reply.result(nullptr);
    return;
  }
  runOnCurrentDocument(document, std::move(reply),
                       [this, position = params.position, uri = params.textDocument.uri](
                           OpenDocument& open, Reply answer) mutable {
                         ensureAnalysis(open, false);
                         const Document& text = *open.document;
                         // A notebook cell: its lines are the program's from the cell's first.
                         std::optional<CellView> cell;
                         if (open.notebook) {
                           cell = open.notebook->view(uri, text);
                           if (!cell) {
                             answer.result(nullptr);
                             return;
                           }
                           position.line += cell->firstLine;
                         }
                         uint32_t offset = toOffset(text, position, encoding_);

                         std::string markdown;
                         ByteRange range{};  // of the first finding under the cursor
                         const DocumentAnalysis& analysis = *open.analysis;
                         for (size_t i = 0; i < analysis.findings.size(); ++i) {
                           const Finding& finding = analysis.findings[i];
                           if (cell && analysis.findingCells[i] != cell->cell) continue;
                           if (finding.range.start <= offset && offset <= finding.range.end) {
                             if (markdown.empty()) {
                               range = finding.range;
                             } else {
                               markdown += "\n\n---\n\n";
                             }
                             markdown += findingHover(finding);
                           }
                         }
                         appendProfileHover(open, offset, markdown, range);
                         if (markdown.empty()) {
                           std::string_view code = noqaCodeAt(text, offset);
                           const Rule* rule = code.empty() ? nullptr : findRule(code);
                           if (!rule) {
                             answer.result(nullptr);
                             return;
                           }
                           markdown = ruleMarkdown(rule->info());
                           auto start = static_cast<uint32_t>(code.data() - text.text().data());
                           range = ByteRange{start, start + static_cast<uint32_t>(code.size())};
                         }
                         protocol::Range lspRange = toRange(text, range, encoding_);
                         if (cell) lspRange = shiftRange(lspRange, -int64_t{cell->firstLine});
                         nlohmann::json hover = {
                             {"contents", {{"kind", "markdown"}, {"value", std::move(markdown)}}},
                             {"range", lspRange}};
                         answer.result(std::move(hover));
                       });
}

}  // namespace perfhint::lsp
