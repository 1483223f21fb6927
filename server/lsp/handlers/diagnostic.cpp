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
      [this, previous = std::move(params.previousResultId)](OpenDocument& open, Reply answer) {
        ensureAnalysis(open, false);
        const DocumentAnalysis& analysis = *open.analysis;
        nlohmann::json report;
        if (previous && *previous == analysis.resultId) {
          report = {{"kind", "unchanged"}, {"resultId", analysis.resultId}};
        } else {
          report = {
              {"kind", "full"}, {"resultId", analysis.resultId}, {"items", analysis.diagnostics}};
        }
        answer.result(std::move(report));
      });
}

}  // namespace perfhint::lsp
