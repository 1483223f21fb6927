// workspace/executeCommand: perfhint.applyAllFixes [uri] applies every applicable fix of a
// document through workspace/applyEdit.
#include "server/lsp/language_server.h"

#include "server/lsp/action_edits.h"   // fix-all edit
#include "server/lsp/worker_parser.h"  // parsing on workers

namespace perfhint::lsp {

void LanguageServer::executeCommand(protocol::ExecuteCommandParams params, Reply reply) {
  if (params.command != "perfhint.applyAllFixes") {
    reply.error(protocol::ErrorCode::InvalidParams, "unknown command " + params.command);
    return;
  }
  // The argument is the document's URI, or an object holding it as `uri`.
  std::string uri;
  if (!params.arguments.empty()) {
    const nlohmann::json& argument = params.arguments[0];
    if (argument.is_string()) uri = argument.get<std::string>();
    if (argument.is_object() && argument.contains("uri") && argument["uri"].is_string()) {
      uri = argument["uri"].get<std::string>();
    }
  }
  if (uri.empty()) {
    reply.error(protocol::ErrorCode::InvalidParams, "perfhint.applyAllFixes needs a document URI");
    return;
  }
  if (!clientAppliesEdits_) {
    reply.error(protocol::ErrorCode::RequestFailed,
                "the client does not support workspace/applyEdit");
    return;
  }
  auto document = findDocument(uri, "executeCommand");
  if (!document) {
    reply.error(protocol::ErrorCode::InvalidParams, "document is not open: " + uri);
    return;
  }
  if (document->isNotebook) {
    // One edit over the notebook's program would span its cells.
    reply.error(protocol::ErrorCode::InvalidParams, "fixing all is not available in notebooks");
    return;
  }
  runOnCurrentDocument(document, std::move(reply), [this](OpenDocument& open, Reply answer) {
    ensureAnalysis(open, false);
    const config::FileSettings& current = *open.analysis->settings;
    auto edit = fixAllEdit(*open.document, current.selection, current.unsafeFixes, workerParser(),
                           encoding_, current.analysis);
    if (edit) {
      protocol::ApplyWorkspaceEditParams apply{std::string("perfhint: Fix all"),
                                               {{{open.uri, {*edit}}}}};
      sendRequest("workspace/applyEdit", apply, [](const protocol::Response&) {});
    }
    answer.result(nullptr);
  });
}

}  // namespace perfhint::lsp
