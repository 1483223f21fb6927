// The answer to one client request: sent exactly once, from any thread, and replaced by
// RequestCancelled when the client cancelled the request first.
#pragma once

#include "protocol/jsonrpc.h"  // error codes, serialisation
#include "server/lsp/connection.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>

namespace perfhint::lsp {

/// Shared between the Reply and the server's table of requests in flight.
struct PendingRequest {
  explicit PendingRequest(nlohmann::json requestId) : id(std::move(requestId)) {}
  const nlohmann::json id;
  std::atomic<bool> answered{false};
};

class Reply {
 public:
  Reply(std::shared_ptr<PendingRequest> pending, std::shared_ptr<Connection> connection)
      : pending_(std::move(pending)), connection_(std::move(connection)) {}
  Reply(Reply&&) = default;
  Reply& operator=(Reply&&) = default;
  Reply(const Reply&) = delete;
  Reply& operator=(const Reply&) = delete;
  /// A request must be answered: one that never was answers InternalError.
  ~Reply();

  void result(nlohmann::json value);
  void error(protocol::ErrorCode code, std::string message);
  bool answered() const { return !pending_ || pending_->answered.load(); }
  const nlohmann::json& id() const { return pending_->id; }

 private:
  bool claim();

  std::shared_ptr<PendingRequest> pending_;
  std::shared_ptr<Connection> connection_;
};

}  // namespace perfhint::lsp
