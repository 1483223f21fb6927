// window/workDoneProgress/cancel: the user cancelled a progress the server reports. For a
// workspace diagnostic run, the request stops at the next file and answers RequestCancelled.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::workDoneProgressCancel(protocol::WorkDoneProgressCancelParams params) {
  auto found = workspaceRuns_.find(params.token.dump());
  if (found == workspaceRuns_.end()) return;
  if (auto run = found->second.lock()) run->cancelled = true;
  workspaceRuns_.erase(found);
}

}  // namespace perfhint::lsp
