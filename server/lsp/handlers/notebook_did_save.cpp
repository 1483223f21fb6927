// notebookDocument/didSave: nothing to do; every change is analysed as it arrives.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::didSaveNotebook(protocol::DidSaveNotebookDocumentParams params) {
  findDocument(params.notebookDocument.uri, "notebookDocument/didSave");
}

}  // namespace perfhint::lsp
