// textDocument/didClose: forget the document (its tree is the bulk of the memory) and clear its
// diagnostics.
#include "server/lsp/language_server.h"

#include <boost/asio/post.hpp>

namespace perfhint::lsp {

void LanguageServer::didClose(protocol::DidCloseTextDocumentParams params) {
  auto document = findDocument(params.textDocument.uri, "didClose");
  if (!document) return;
  documents_.erase(params.textDocument.uri);
  ++document->generation;
  // On the strand, after any analysis already queued, so nothing is published after the clear.
  boost::asio::post(document->strand, [this, document] {
    document->closed = true;
    document->debounce.cancel();
    document->document.reset();
    document->analysis.reset();
    if (!clientPullsDiagnostics_) {
      notify("textDocument/publishDiagnostics",
             protocol::PublishDiagnosticsParams{document->uri, std::nullopt, {}});
    }
  });
}

}  // namespace perfhint::lsp
