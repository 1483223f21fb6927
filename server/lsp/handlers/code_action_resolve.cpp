// codeAction/resolve: compute the edit of an action listed without one (fix-all, noqa).
#include "server/lsp/language_server.h"

#include "server/lsp/action_edits.h"   // the edits
#include "server/lsp/worker_parser.h"  // fix-all parses

namespace perfhint::lsp {

void LanguageServer::codeActionResolve(protocol::CodeAction action, Reply reply) {
  const nlohmann::json& data = action.data;
  if (!data.is_object() || !data.contains("action") || !data.contains("uri") ||
      !data.contains("version") || !data["uri"].is_string() ||
      !data["version"].is_number_integer()) {
    reply.error(protocol::ErrorCode::InvalidParams,
                "codeAction/resolve: the action carries no perfhint data");
    return;
  }
  auto document = findDocument(data["uri"].get<std::string>(), "codeAction/resolve");
  if (!document) {
    reply.error(protocol::ErrorCode::ContentModified, "the document is no longer open");
    return;
  }
  runOnCurrentDocument(
      document, std::move(reply),
      [this, action = std::move(action)](OpenDocument& open, Reply answer) mutable {
        const nlohmann::json& actionData = action.data;
        if (actionData["version"].get<int>() != open.version) {
          answer.error(protocol::ErrorCode::ContentModified,
                       "the document changed since the action was listed");
          return;
        }
        const Document& text = *open.document;
        std::optional<protocol::TextEdit> edit;
        std::string kind =
            actionData["action"].is_string() ? actionData["action"].get<std::string>() : "";
        if (kind == "fixAll") {
          ensureAnalysis(open, false);
          const config::FileSettings& current = *open.analysis->settings;
          edit = fixAllEdit(text, current.selection, current.unsafeFixes, workerParser(), encoding_,
                            current.analysis);
        } else if (kind == "noqa" && actionData.contains("line") &&
                   actionData["line"].is_number_unsigned() && actionData.contains("code") &&
                   actionData["code"].is_string()) {
          ensureAnalysis(open, false);
          edit = noqaEdit(text, actionData["line"].get<uint32_t>(),
                          actionData["code"].get<std::string>(), encoding_);
        } else {
          answer.error(protocol::ErrorCode::InvalidParams,
                       "codeAction/resolve: unknown perfhint action");
          return;
        }
        action.edit = protocol::WorkspaceEdit{};
        if (edit) action.edit->changes[open.uri] = {*edit};
        answer.result(action);
      });
}

}  // namespace perfhint::lsp
