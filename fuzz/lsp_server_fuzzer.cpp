// Fuzz target: bytes from a client, framed by protocol::FrameReader and dispatched into the
// language server through an in-memory connection, as the stdio transport would. Whatever the
// input, the server must not crash and every message it sends must be well-formed JSON-RPC: a
// notification or request with a method, or a response with exactly one of result and error to
// a request id the client sent (or null). The framing must also not depend on how the bytes are
// split: feeding them one at a time gives the same events as feeding them at once.
#include "fuzz/fuzz_check.h"
#include "protocol/framing.h"            // FrameReader
#include "protocol/jsonrpc.h"            // parseMessage: which ids the client sent
#include "server/lsp/language_server.h"  // the server under test

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

using namespace perfhint;
using nlohmann::json;

namespace {

bool isRequestId(const json& id) {
  return id.is_number_integer() || id.is_string();
}

/// Checks one message the server sent; returns its id when it is a response.
std::optional<json> checkServerMessage(const std::string& body) {
  json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  fuzz::check(message.is_object(), "the server sends JSON objects", body);
  fuzz::check(message.value("jsonrpc", json()) == "2.0", "the server sends jsonrpc 2.0", body);
  if (message.contains("method")) {
    fuzz::check(message["method"].is_string(), "a method is a string", body);
    fuzz::check(!message.contains("params") || message["params"].is_object() ||
                    message["params"].is_array(),
                "params are an object or an array", body);
    fuzz::check(!message.contains("id") || isRequestId(message["id"]),
                "a server request's id is an integer or a string", body);
    return std::nullopt;
  }
  fuzz::check(message.contains("id"), "a response has an id", body);
  fuzz::check(message.contains("result") != message.contains("error"),
              "a response has exactly one of result and error", body);
  if (message.contains("error")) {
    const json& error = message["error"];
    fuzz::check(error.is_object() && error.contains("code") && error["code"].is_number_integer() &&
                    error.contains("message") && error["message"].is_string(),
                "an error has an integer code and a string message", body);
  }
  return message["id"];
}

/// Frames handed in are delivered in order; sent bodies are checked as they are sent.
class MemoryConnection final : public lsp::Connection {
 public:
  void start(FrameHandler onFrame, ClosedHandler onClosed) override {
    onFrame_ = std::move(onFrame);
    onClosed_ = std::move(onClosed);
  }
  void send(std::string body) override {
    std::optional<json> responseId = checkServerMessage(body);
    std::lock_guard lock(mutex_);
    if (responseId) responseIds_.push_back(std::move(*responseId));
  }
  void close(std::function<void()> onFlushed) override {
    closed_ = true;
    if (onFlushed) onFlushed();
  }

  bool closed() const { return closed_; }
  void deliver(protocol::FrameEvent event) { onFrame_(std::move(event)); }
  void hangUp() { onClosed_(); }
  std::vector<json> responseIds() {
    std::lock_guard lock(mutex_);
    return responseIds_;
  }

 private:
  FrameHandler onFrame_;
  ClosedHandler onClosed_;
  bool closed_ = false;
  std::mutex mutex_;
  std::vector<json> responseIds_;
};

std::vector<protocol::FrameEvent> frame(std::string_view bytes, bool oneByteAtATime) {
  protocol::FrameReader reader;
  std::vector<protocol::FrameEvent> events;
  auto drain = [&] {
    while (auto event = reader.next()) events.push_back(std::move(*event));
  };
  if (oneByteAtATime) {
    for (char c : bytes) {
      reader.append(std::string_view(&c, 1));
      drain();
    }
  } else {
    reader.append(bytes);
    drain();
  }
  return events;
}

/// The parts of an event that must not depend on how the input was split.
std::string describe(const protocol::FrameEvent& event) {
  if (auto* message = std::get_if<protocol::FrameMessage>(&event))
    return "message " + message->body;
  const auto& error = std::get<protocol::FrameError>(event);
  return std::string("error ") + (error.bodyRead ? "body " : "noise ") + error.body;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<protocol::FrameEvent> events = frame(bytes, false);
  const std::vector<protocol::FrameEvent> byteByByte = frame(bytes, true);
  fuzz::check(events.size() == byteByByte.size(), "framing does not depend on read sizes");
  for (size_t i = 0; i < events.size(); ++i) {
    fuzz::check(describe(events[i]) == describe(byteByByte[i]),
                "framing does not depend on read sizes", describe(events[i]));
  }

  // The ids a reply may carry: those of the requests (valid or not) the client sent.
  std::set<std::string> clientIds = {json(nullptr).dump()};
  for (const protocol::FrameEvent& event : events) {
    auto* message = std::get_if<protocol::FrameMessage>(&event);
    if (!message) continue;
    protocol::ParsedMessage parsed = protocol::parseMessage(message->body);
    if (auto* request = std::get_if<protocol::Request>(&parsed))
      clientIds.insert(request->id.dump());
    if (auto* invalid = std::get_if<protocol::InvalidMessage>(&parsed))
      clientIds.insert(invalid->id.dump());
  }

  auto connection = std::make_shared<MemoryConnection>();
  {
    boost::asio::io_context io;
    lsp::LanguageServer server(io, connection, {1, {}});
    server.start();
    for (protocol::FrameEvent& event : events) {
      if (connection->closed()) break;  // after `exit` the real transport stops reading
      connection->deliver(std::move(event));
      io.poll();
    }
    if (!connection->closed()) connection->hangUp();
    // The server's destructor waits for its workers, which may still send.
  }
  for (const json& id : connection->responseIds()) {
    fuzz::check(clientIds.contains(id.dump()), "a response answers an id the client sent",
                id.dump());
  }
  return 0;
}
