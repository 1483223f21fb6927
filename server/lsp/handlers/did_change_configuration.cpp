// workspace/didChangeConfiguration: take pushed `perfhint` settings, or pull them with
// workspace/configuration when the client supports it, then re-check open documents.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::didChangeConfiguration(protocol::DidChangeConfigurationParams params) {
  const nlohmann::json& settings = params.settings;
  if (settings.is_object() && settings.contains("perfhint")) {
    if (!applySettings(settings["perfhint"])) return;
    folders_.clearSettings();  // pushed settings have no scope: they apply to every folder
    refreshAllDocuments();
  } else if (clientHasConfiguration_) {
    requestWorkspaceConfiguration();
  }
}

}  // namespace perfhint::lsp
