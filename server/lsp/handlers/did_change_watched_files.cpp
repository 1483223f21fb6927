// workspace/didChangeWatchedFiles: a perfhint.toml or pyproject.toml was created, changed or
// deleted: read configuration files again and re-check every open document. Or the profile file
// changed: load it again.
#include "server/lsp/language_server.h"

#include "protocol/uri.h"  // changed paths

namespace perfhint::lsp {

void LanguageServer::didChangeWatchedFiles(protocol::DidChangeWatchedFilesParams params) {
  bool configChanged = false;
  bool profileChanged = false;
  auto loaded = workspaceProfile();
  for (const protocol::FileEvent& change : params.changes) {
    configChanged = configChanged || change.uri.ends_with("/pyproject.toml") ||
                    change.uri.ends_with("/perfhint.toml");
    std::optional<std::string> path = protocol::fileUriToPath(change.uri);
    profileChanged = profileChanged ||
                     (path && !profilePattern_.empty() &&
                      affectsProfile(profilePattern_, workspaceRoot_,
                                     loaded ? std::filesystem::path(loaded->file) : "", *path));
  }
  if (profileChanged) startProfileLoad(profilePattern_, std::nullopt);
  if (!configChanged) return;
  configFinder_.invalidate();
  {
    std::lock_guard lock(reportedConfigErrorsMutex_);
    reportedConfigErrors_.clear();
  }
  refreshAllDocuments();
}

}  // namespace perfhint::lsp
