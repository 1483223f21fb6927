// $/cancelRequest: a request still in flight is answered RequestCancelled at once; its handler's
// later answer is dropped.
#include "server/lsp/language_server.h"

namespace perfhint::lsp {

void LanguageServer::cancelRequest(protocol::CancelParams params) {
  auto found = requestsInFlight_.find(params.id.dump());
  if (found == requestsInFlight_.end()) return;
  std::shared_ptr<PendingRequest> pending = found->second.lock();
  requestsInFlight_.erase(found);
  if (pending && !pending->answered.exchange(true)) {
    connection_->send(protocol::serializeError(
        pending->id, {protocol::ErrorCode::RequestCancelled, "the request was cancelled"}));
  }
}

}  // namespace perfhint::lsp
