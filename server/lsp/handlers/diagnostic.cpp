// textDocument/diagnostic: the pull model. The report is "unchanged" when the client already
// has the result of the current text.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::diagnostic(protocol::DocumentDiagnosticParams params, Reply reply) {
  auto document = findDocument(params.textDocument.uri, "diagnostic");
  if (!document) {
    reply.error(protocol::ErrorCode::InvalidParams,
                "document is not open: " + params.textDocument.uri);
    return;
  }
  runOnCurrentDocument(
      document, std::move(reply),
      [this, previous = std::move(params.previousResultId), uri = params.textDocument.uri](
          OpenDocument& open, Reply answer) {
        ensureAnalysis(open, false);
        const DocumentAnalysis& analysis = *open.analysis;
        nlohmann::json report;
        if (previous && *previous == analysis.resultId) {
          report = {{"kind", "unchanged"}, {"resultId", analysis.resultId}};
        } else if (open.notebook) {
          // A notebook cell: the diagnostics of that cell (none for a cell not analysed).
          std::optional<CellView> cell = open.notebook->view(uri, *open.document);
          std::vector<protocol::Diagnostic> items;
          for (size_t i = 0; cell && i < analysis.findingCells.size(); ++i) {
            if (analysis.findingCells[i] == cell->cell) items.push_back(analysis.diagnostics[i]);
          }
          report = {{"kind", "full"}, {"resultId", analysis.resultId}, {"items", items}};
        } else {
          report = {
              {"kind", "full"}, {"resultId", analysis.resultId}, {"items", analysis.diagnostics}};
        }
        answer.result(std::move(report));
      });
}

}  // namespace perfhint::lsp
