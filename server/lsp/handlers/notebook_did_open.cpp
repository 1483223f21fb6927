// notebookDocument/didOpen: the notebook's cells in order, and the program its Python cells form,
// parsed and analysed at once (no debounce). Requests on a cell's URI reach the notebook.
#include "server/lsp/language_server.h"

#include "server/lsp/worker_parser.h"  // parsing on workers

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

namespace perfhint::lsp {

void LanguageServer::didOpenNotebook(protocol::DidOpenNotebookDocumentParams params) {
  const protocol::NotebookDocument& notebook = params.notebookDocument;
  if (documents_.count(notebook.uri)) {
    log(protocol::MessageType::Warning,
        "notebookDocument/didOpen: notebook already open, replacing it: " + notebook.uri);
  }
  auto document = std::make_shared<OpenDocument>(notebook.uri,
                                                 boost::asio::make_strand(workers_.get_executor()));
  document->isNotebook = true;
  documents_[notebook.uri] = document;
  for (const protocol::NotebookCell& cell : notebook.cells)
    notebookCells_[cell.document] = document;
  uint64_t generation = ++document->generation;
  auto state = std::make_shared<NotebookState>(notebook.cells, params.cellTextDocuments);
  boost::asio::post(document->strand, [this, document, generation, version = notebook.version,
                                       state = std::move(state)] {
    document->notebook = std::make_unique<NotebookState>(std::move(*state));
    document->document =
        std::make_unique<Document>(document->notebook->buildProgram(), workerParser());
    document->version = version;
    document->appliedGeneration = generation;
    analyzeAndPublish(*document);
  });
}

}  // namespace perfhint::lsp
