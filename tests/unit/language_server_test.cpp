// The language server driven in memory through a fake connection: cancellation and documents
// that change under a request. A single worker thread kept busy with a large document makes the
// order of events certain.
#include "server/lsp/language_server.h"

#include "protocol/framing.h"

#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <chrono>
#include <mutex>

using namespace perfhint;
using nlohmann::json;

namespace {

// Frames handed in are delivered as one batch, as if read in one go; sent bodies are kept.
class MemoryConnection final : public lsp::Connection {
 public:
  void start(FrameHandler onFrame, ClosedHandler) override { onFrame_ = std::move(onFrame); }
  void send(std::string body) override {
    std::lock_guard lock(mutex_);
    sent_.push_back(json::parse(body));
  }
  void close(std::function<void()> onFlushed) override {
    if (onFlushed) onFlushed();
  }
  void deliver(const std::vector<json>& messages) {
    for (const json& message : messages) onFrame_(protocol::FrameMessage{message.dump()});
  }
  std::vector<json> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  FrameHandler onFrame_;
  std::mutex mutex_;
  std::vector<json> sent_;
};

json request(int id, const char* method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
json notification(const char* method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}
json openDocument(const std::string& uri, std::string text) {
  return notification(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", std::move(text)}}}});
}

// Runs the io loop until a reply with `id` was sent (or 90 s pass: under ThreadSanitizer on a
// busy machine, analysing the large document alone took 27 s).
json waitForReply(boost::asio::io_context& io, MemoryConnection& connection, int id) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
  while (std::chrono::steady_clock::now() < deadline) {
    io.run_for(std::chrono::milliseconds(5));
    io.restart();
    for (const json& message : connection.sent()) {
      if (message.contains("id") && message["id"] == id && !message.contains("method"))
        return message;
    }
  }
  return nullptr;
}

std::string largeDocument() {
  std::string text;
  for (int i = 0; i < 8000; ++i)
    text += "def f" + std::to_string(i) + "(x):\n    return [y for y in x if y in [1, 2]]\n";
  return text;
}

}  // namespace

TEST_CASE("a cancelled request is answered RequestCancelled, once") {
  boost::asio::io_context io;
  auto connection = std::make_shared<MemoryConnection>();
  lsp::LanguageServer server(io, connection, {1, {}});
  server.start();
  connection->deliver({request(1, "initialize", {{"capabilities", json::object()}}),
                       openDocument("file:///big.py", largeDocument()),
                       openDocument("file:///small.py", "x = 1\n"),
                       request(2, "textDocument/hover",
                               {{"textDocument", {{"uri", "file:///small.py"}}},
                                {"position", {{"line", 0}, {"character", 0}}}}),
                       notification("$/cancelRequest", {{"id", 2}})});
  json reply = waitForReply(io, *connection, 2);
  CHECK(reply == json{{"jsonrpc", "2.0"},
                      {"id", 2},
                      {"error", {{"code", -32800}, {"message", "the request was cancelled"}}}});
  // The hover's own answer, computed later, is dropped.
  io.run_for(std::chrono::milliseconds(300));
  int replies = 0;
  for (const json& message : connection->sent())
    replies += message.contains("id") && message["id"] == 2;
  CHECK(replies == 1);
}

TEST_CASE("a request whose document changed under it is answered ContentModified") {
  boost::asio::io_context io;
  auto connection = std::make_shared<MemoryConnection>();
  lsp::LanguageServer server(io, connection, {1, {}});
  server.start();
  connection->deliver(
      {request(1, "initialize", {{"capabilities", json::object()}}),
       openDocument("file:///big.py", largeDocument()), openDocument("file:///small.py", "x = 1\n"),
       request(2, "textDocument/hover",
               {{"textDocument", {{"uri", "file:///small.py"}}},
                {"position", {{"line", 0}, {"character", 0}}}}),
       notification("textDocument/didChange",
                    {{"textDocument", {{"uri", "file:///small.py"}, {"version", 2}}},
                     {"contentChanges", {{{"text", "x = 2\n"}}}}})});
  json reply = waitForReply(io, *connection, 2);
  CHECK(reply ==
        json{{"jsonrpc", "2.0"},
             {"id", 2},
             {"error", {{"code", -32801}, {"message", "the document changed; ask again"}}}});
}

TEST_CASE("a burst of changes publishes once, for the last version") {
  boost::asio::io_context io;
  auto connection = std::make_shared<MemoryConnection>();
  lsp::LanguageServer server(io, connection, {2, {}});
  server.start();
  std::vector<json> messages = {
      request(1, "initialize",
              {{"capabilities", json::object()}, {"initializationOptions", {{"debounceMs", 30}}}}),
      openDocument("file:///a.py", "def f(x):\n    for y in x: y\n")};
  for (int version = 2; version <= 20; ++version) {
    messages.push_back(
        notification("textDocument/didChange",
                     {{"textDocument", {{"uri", "file:///a.py"}, {"version", version}}},
                      {"contentChanges",
                       {{{"range",
                          {{"start", {{"line", 1}, {"character", 17}}},
                           {"end", {{"line", 1}, {"character", 17}}}}},
                         {"text", version == 20 ? " in [1, 2]" : ""}}}}}));
  }
  connection->deliver(messages);
  // Until version 20 is published (however slow the machine), then a little longer for strays.
  auto published20 = [&] {
    for (const json& message : connection->sent()) {
      if (message.value("method", "") == "textDocument/publishDiagnostics" &&
          message["params"]["version"] == 20)
        return true;
    }
    return false;
  };
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
  while (!published20() && std::chrono::steady_clock::now() < deadline) {
    io.run_for(std::chrono::milliseconds(10));
    io.restart();
  }
  io.run_for(std::chrono::milliseconds(100));
  std::vector<int> publishedVersions;
  size_t lastDiagnostics = 0;
  for (const json& message : connection->sent()) {
    if (message.value("method", "") == "textDocument/publishDiagnostics") {
      publishedVersions.push_back(message["params"]["version"].get<int>());
      lastDiagnostics = message["params"]["diagnostics"].size();
    }
  }
  // The open is analysed at once; the 19 changes inside the debounce window once, at version 20.
  CHECK(publishedVersions == std::vector<int>{1, 20});
  CHECK(lastDiagnostics == 1);
}
