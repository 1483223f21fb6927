// workspace/didChangeWatchedFiles: a perfhint.toml or pyproject.toml was created, changed or
// deleted. Read configuration files again and re-check every open document.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::didChangeWatchedFiles(protocol::DidChangeWatchedFilesParams params) {
  bool configChanged = false;
  for (const protocol::FileEvent& change : params.changes) {
    configChanged = configChanged || change.uri.ends_with("/pyproject.toml") ||
                    change.uri.ends_with("/perfhint.toml");
  }
  if (!configChanged) return;
  configFinder_.invalidate();
  {
    std::lock_guard lock(reportedConfigErrorsMutex_);
    reportedConfigErrors_.clear();
  }
  refreshAllDocuments();
}

}  // namespace perfhint::lsp
