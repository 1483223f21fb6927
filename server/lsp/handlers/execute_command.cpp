// workspace/executeCommand: perfhint.applyAllFixes [uri] applies every applicable fix of a
// document through workspace/applyEdit; perfhint.loadProfile [path] loads a profile (answered once
// it is loaded, with what was read); perfhint.showProfile is the code lenses' command, which
// clients need to show a lens at all: it does nothing.
#include "server/lsp/language_server.h"

#include "protocol/uri.h"  // file URIs as profile paths

#include "server/lsp/action_edits.h"   // fix-all edit
#include "server/lsp/worker_parser.h"  // parsing on workers

namespace perfhint::lsp {

namespace {

// The first argument as a string, or an object's `key` member; empty when neither.
std::string stringArgument(const protocol::ExecuteCommandParams& params, const char* key) {
  if (params.arguments.empty()) return {};
  const nlohmann::json& argument = params.arguments[0];
  if (argument.is_string()) return argument.get<std::string>();
  if (argument.is_object() && argument.contains(key) && argument[key].is_string()) {
    return argument[key].get<std::string>();
  }
  return {};
}

}  // namespace

void LanguageServer::executeCommand(protocol::ExecuteCommandParams params, Reply reply) {
  if (params.command == "perfhint.showProfile") {
    reply.result(nullptr);
    return;
  }
  if (params.command == "perfhint.loadProfile") {
    // A path (absolute, or relative to the workspace root), a glob, or a file URI.
    std::string path = stringArgument(params, "path");
    if (path.starts_with("file://")) path = protocol::fileUriToPath(path).value_or("");
    if (path.empty()) {
      reply.error(protocol::ErrorCode::InvalidParams, "perfhint.loadProfile needs a file path");
      return;
    }
    startProfileLoad(std::move(path), std::move(reply));
    return;
  }
  if (params.command != "perfhint.applyAllFixes") {
    reply.error(protocol::ErrorCode::InvalidParams, "unknown command " + params.command);
    return;
  }
  // The argument is the document's URI, or an object holding it as `uri`.
  std::string uri = stringArgument(params, "uri");
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
