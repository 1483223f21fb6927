// textDocument/didChange: apply the changes in order to the text and the tree at once, reparse
// later (after the debounce) so a burst of keystrokes costs one incremental parse.
#include "server/lsp/language_server.h"

#include "server/lsp/convert.h"  // LSP ranges -> bytes

#include <boost/asio/post.hpp>

namespace perfhint::lsp {

void LanguageServer::didChange(protocol::DidChangeTextDocumentParams params) {
  auto document = findDocument(params.textDocument.uri, "didChange");
  if (!document) return;
  // Bumped here, on the io thread, so work already queued for older text knows it is stale.
  uint64_t generation = ++document->generation;
  boost::asio::post(
      document->strand, [this, document, generation, version = params.textDocument.version,
                         changes = std::move(params.contentChanges)]() mutable {
        if (document->closed || !document->document) return;
        Document& text = *document->document;
        for (const protocol::TextDocumentContentChangeEvent& change : changes) {
          ByteRange range = change.range ? toByteRange(text, *change.range, encoding_)
                                         : ByteRange{0, static_cast<uint32_t>(text.text().size())};
          text.editText(range, change.text);
        }
        document->version = version;
        document->appliedGeneration = generation;
        scheduleAnalysis(document);
      });
}

}  // namespace perfhint::lsp
