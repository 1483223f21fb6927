// textDocument/codeLens: above each `def` the profile measured, what the function cost (see
// profile_hints.h for the format). A lens carries the harmless perfhint.showProfile command:
// VS Code shows no lens without a command.
#include "server/lsp/language_server.h"

#include "server/lsp/convert.h"        // positions
#include "server/lsp/profile_hints.h"  // lens titles

namespace perfhint::lsp {

void LanguageServer::codeLens(nlohmann::json params, Reply reply) {
  const nlohmann::json* uri = nullptr;
  if (params.contains("textDocument") && params["textDocument"].is_object()) {
    auto found = params["textDocument"].find("uri");
    if (found != params["textDocument"].end() && found->is_string()) uri = &*found;
  }
  if (!uri) {
    reply.error(protocol::ErrorCode::InvalidParams, "textDocument.uri: expected a string");
    return;
  }
  auto document = findDocument(uri->get<std::string>(), "codeLens");
  if (!document) {
    reply.result(nlohmann::json::array());
    return;
  }
  runOnCurrentDocument(document, std::move(reply), [this](OpenDocument& open, Reply answer) {
    ensureAnalysis(open, false);
    const DocumentAnalysis& analysis = *open.analysis;
    nlohmann::json lenses = nlohmann::json::array();
    if (analysis.profile && !analysis.profilePath.empty()) {
      const profile::ProfileIndex& index = analysis.profile->index;
      for (size_t i = 0; i < analysis.functions.size(); ++i) {
        std::optional<size_t> measured = index.find(analysis.profilePath, analysis.functions, i);
        if (!measured) continue;
        protocol::Position at =
            toPosition(*open.document, analysis.functions[i].startByte, encoding_);
        nlohmann::json command = {
            {"title", codeLensTitle(index.profile(), index.profile().functions[*measured])},
            {"command", "perfhint.showProfile"},
            {"arguments", {open.uri, at.line}}};
        lenses.push_back({{"range", protocol::Range{at, at}}, {"command", std::move(command)}});
      }
    }
    answer.result(std::move(lenses));
  });
}

}  // namespace perfhint::lsp
