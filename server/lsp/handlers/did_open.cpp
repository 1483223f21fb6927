// textDocument/didOpen: take the text, parse it and analyse it at once (no debounce).
#include "server/lsp/language_server.h"

#include "server/lsp/worker_parser.h"  // parsing on workers

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

namespace perfhint::lsp {

void LanguageServer::didOpen(protocol::DidOpenTextDocumentParams params) {
  protocol::TextDocumentItem& item = params.textDocument;
  if (documents_.count(item.uri)) {
    log(protocol::MessageType::Warning,
        "didOpen: document already open, replacing it: " + item.uri);
  }
  auto document =
      std::make_shared<OpenDocument>(item.uri, boost::asio::make_strand(workers_.get_executor()));
  documents_[item.uri] = document;
  uint64_t generation = ++document->generation;
  boost::asio::post(document->strand, [this, document, generation, version = item.version,
                                       text = std::move(item.text)]() mutable {
    document->document = std::make_unique<Document>(std::move(text), workerParser());
    document->version = version;
    document->appliedGeneration = generation;
    analyzeAndPublish(*document);
  });
}

}  // namespace perfhint::lsp
