#include "server/lsp/reply.h"

namespace perfhint::lsp {

bool Reply::claim() {
  return pending_ && !pending_->answered.exchange(true);
}

Reply::~Reply() {
  if (claim()) {
    connection_->send(protocol::serializeError(
        pending_->id,
        {protocol::ErrorCode::InternalError, "the request was dropped without an answer"}));
  }
}

void Reply::result(nlohmann::json value) {
  if (claim()) connection_->send(protocol::serializeResult(pending_->id, value));
}

void Reply::error(protocol::ErrorCode code, std::string message) {
  if (claim())
    connection_->send(protocol::serializeError(pending_->id, {code, std::move(message)}));
}

}  // namespace perfhint::lsp
