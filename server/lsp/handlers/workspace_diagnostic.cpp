// workspace/diagnostic: reports for every Python file of every workspace folder. Open documents
// are reported from their editor text and version, other files from disk with version null.
// A file whose result id the client sent back in previousResultIds, and which has not changed
// since, is reported "unchanged". With a workDoneToken the server reports progress (begin,
// report "N/M files", end) and can be cancelled from it; with a partialResultToken the reports
// stream out as $/progress batches and the answer is an empty list.
#include "server/lsp/language_server.h"

#include <boost/asio/post.hpp>

namespace perfhint::lsp {

void LanguageServer::workspaceDiagnostic(protocol::WorkspaceDiagnosticParams params, Reply reply) {
  auto run = std::make_shared<WorkspaceDiagnosticRun>(std::move(reply));
  run->workDoneToken = std::move(params.workDoneToken);
  run->partialResultToken = std::move(params.partialResultToken);
  for (protocol::PreviousResultId& previous : params.previousResultIds) {
    run->previousResultIds[std::move(previous.uri)] = std::move(previous.value);
  }
  run->openDocuments.insert(documents_.begin(), documents_.end());
  run->settingsGeneration = settingsGeneration_.load();
  if (!run->workDoneToken.is_null()) {
    std::erase_if(workspaceRuns_, [](const auto& entry) { return entry.second.expired(); });
    workspaceRuns_[run->workDoneToken.dump()] = run;
    sendProgress(run->workDoneToken, {{"kind", "begin"},
                                      {"title", "perfhint: checking the workspace"},
                                      {"cancellable", true},
                                      {"percentage", 0}});
  }
  // Messages this handler sends wait in the io thread's own queue until it returns, and could
  // be overtaken by a fast worker's; starting the work from the io thread's next turn keeps
  // `begin` first.
  boost::asio::post(io_, [this, run] {
    boost::asio::post(workers_, [this, run] {
      discoverWorkspaceFiles(*run);
      runWorkspaceBatch(run);
    });
  });
}

}  // namespace perfhint::lsp
