// notebookDocument/didChange: cell text changes are applied to the notebook's program at the
// cell's offset (tree edited, reparsed after the debounce, like textDocument/didChange); a change
// of the cell structure (cells added, removed or moved) rebuilds the program.
#include "server/lsp/language_server.h"

#include "server/lsp/worker_parser.h"  // parsing on workers

#include <boost/asio/post.hpp>

namespace perfhint::lsp {

void LanguageServer::didChangeNotebook(protocol::DidChangeNotebookDocumentParams params) {
  const std::string& uri = params.notebookDocument.uri;
  auto found = documents_.find(uri);
  if (found == documents_.end() || !found->second->isNotebook) {
    log(protocol::MessageType::Warning, "notebookDocument/didChange: notebook is not open: " + uri);
    return;
  }
  auto document = found->second;
  protocol::NotebookDocumentChangeEvent& change = params.change;
  if (change.structure) {
    for (const protocol::TextDocumentIdentifier& closed : change.structure->didClose) {
      notebookCells_.erase(closed.uri);
    }
    for (const protocol::NotebookCell& cell : change.structure->array.cells) {
      notebookCells_[cell.document] = document;
    }
  }
  uint64_t generation = ++document->generation;
  boost::asio::post(
      document->strand, [this, document, generation, version = params.notebookDocument.version,
                         change = std::move(change)] {
        if (document->closed || !document->document) return;
        NotebookState& notebook = *document->notebook;
        if (change.structure) notebook.applyStructure(*change.structure);
        // After a structure change the program is rebuilt anyway: edit the cells' texts only.
        Document* program = change.structure ? nullptr : document->document.get();
        for (const protocol::NotebookCellTextChange& cell : change.textContent) {
          for (const protocol::TextDocumentContentChangeEvent& edit : cell.changes) {
            notebook.applyTextChange(cell.document.uri, cell.document.version, edit, encoding_,
                                     program);
          }
        }
        if (change.structure) {
          document->document = std::make_unique<Document>(notebook.buildProgram(), workerParser());
        }
        document->version = version;
        document->appliedGeneration = generation;
        scheduleAnalysis(document);
      });
}

}  // namespace perfhint::lsp
