// workspace/didChangeWorkspaceFolders: folders were added or removed. Settings are asked for
// again (each folder may have its own), open documents are checked again (their folder may have
// changed), and a client that pulls is told to pull again: the next workspace/diagnostic clears
// the findings of files that left the workspace.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::didChangeWorkspaceFolders(protocol::DidChangeWorkspaceFoldersParams params) {
  for (const protocol::WorkspaceFolder& folder : params.event.removed) folders_.remove(folder.uri);
  for (const protocol::WorkspaceFolder& folder : params.event.added) {
    if (!folders_.add(folder)) {
      log(protocol::MessageType::Warning,
          "workspace folder is not a local directory, not checked: " + folder.uri);
    }
  }
  if (clientHasConfiguration_) {
    requestWorkspaceConfiguration();  // refreshes once the answer is in
  } else {
    refreshAllDocuments();
  }
}

}  // namespace perfhint::lsp
