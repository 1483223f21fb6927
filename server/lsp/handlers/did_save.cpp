// textDocument/didSave: nothing to do; every change is analysed as it arrives.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::didSave(protocol::DidSaveTextDocumentParams params) {
  findDocument(params.textDocument.uri, "didSave");
}

}  // namespace perfhint::lsp
