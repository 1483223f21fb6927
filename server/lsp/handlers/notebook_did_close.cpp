// notebookDocument/didClose: forget the notebook and its cells, and clear the cells' diagnostics.
#include "server/lsp/language_server.h"

#include <boost/asio/post.hpp>

namespace perfhint::lsp {

void LanguageServer::didCloseNotebook(protocol::DidCloseNotebookDocumentParams params) {
  auto document = findDocument(params.notebookDocument.uri, "notebookDocument/didClose");
  if (!document) return;
  documents_.erase(params.notebookDocument.uri);
  std::erase_if(notebookCells_, [&](const auto& entry) { return entry.second == document; });
  ++document->generation;
  boost::asio::post(document->strand, [this, document] {
    document->closed = true;
    document->debounce.cancel();
    if (!clientPullsDiagnostics_ && document->notebook) {
      for (const std::string& uri : document->notebook->publishedCells) {
        notify("textDocument/publishDiagnostics",
               protocol::PublishDiagnosticsParams{uri, std::nullopt, {}});
      }
    }
    document->document.reset();
    document->analysis.reset();
  });
}

}  // namespace perfhint::lsp
