#include "server/lsp/language_server.h"

#include <boost/asio/post.hpp>  // hand-off between threads

#include <chrono>
#include <ctime>
#include <thread>

namespace perfhint::lsp {

using nlohmann::json;
using protocol::ErrorCode;

LanguageServer::LanguageServer(boost::asio::io_context& io, std::shared_ptr<Connection> connection,
                               ServerOptions options)
    : io_(io),
      connection_(std::move(connection)),
      options_(std::move(options)),
      workers_(options_.workerThreads ? options_.workerThreads
                                      : std::max(1u, std::thread::hardware_concurrency())) {
  if (!options_.logFile.empty()) logFile_ = std::fopen(options_.logFile.c_str(), "a");
  registerHandlers();
}

LanguageServer::~LanguageServer() {
  // Worker tasks hold pointers to this server: let them finish before members go.
  workers_.stop();
  workers_.join();
  if (logFile_) std::fclose(logFile_);
}

void LanguageServer::start() {
  connection_->start([this](protocol::FrameEvent event) { onFrame(std::move(event)); },
                     [this] { onClientClosed(); });
}

template <typename Params>
void LanguageServer::onRequest(const char* method, void (LanguageServer::*handler)(Params, Reply)) {
  requestHandlers_[method] = [this, handler, method](const json& params, Reply reply) {
    Params typed;
    try {
      typed = params.is_null() ? json::object().get<Params>() : params.get<Params>();
    } catch (const json::exception& error) {
      reply.error(ErrorCode::InvalidParams,
                  std::string("invalid params for ") + method + ": " + error.what());
      return;
    }
    (this->*handler)(std::move(typed), std::move(reply));
  };
}

template <typename Params>
void LanguageServer::onNotification(const char* method, void (LanguageServer::*handler)(Params)) {
  notificationHandlers_[method] = [this, handler, method](const json& params) {
    Params typed;
    try {
      typed = params.is_null() ? json::object().get<Params>() : params.get<Params>();
    } catch (const json::exception& error) {
      log(protocol::MessageType::Error,
          std::string("invalid params for ") + method + ": " + error.what());
      return;
    }
    (this->*handler)(std::move(typed));
  };
}

void LanguageServer::registerHandlers() {
  onRequest("initialize", &LanguageServer::initialize);
  onNotification("initialized", &LanguageServer::initialized);
  onRequest("shutdown", &LanguageServer::shutdown);
  onNotification("exit", &LanguageServer::exit);
  onNotification("textDocument/didOpen", &LanguageServer::didOpen);
  onNotification("textDocument/didChange", &LanguageServer::didChange);
  onNotification("textDocument/didClose", &LanguageServer::didClose);
  onNotification("textDocument/didSave", &LanguageServer::didSave);
  onNotification("notebookDocument/didOpen", &LanguageServer::didOpenNotebook);
  onNotification("notebookDocument/didChange", &LanguageServer::didChangeNotebook);
  onNotification("notebookDocument/didSave", &LanguageServer::didSaveNotebook);
  onNotification("notebookDocument/didClose", &LanguageServer::didCloseNotebook);
  onRequest("textDocument/diagnostic", &LanguageServer::diagnostic);
  onRequest("textDocument/hover", &LanguageServer::hover);
  onRequest("textDocument/codeAction", &LanguageServer::codeAction);
  onRequest("codeAction/resolve", &LanguageServer::codeActionResolve);
  onRequest("workspace/executeCommand", &LanguageServer::executeCommand);
  onNotification("workspace/didChangeConfiguration", &LanguageServer::didChangeConfiguration);
  onNotification("workspace/didChangeWatchedFiles", &LanguageServer::didChangeWatchedFiles);
  onNotification("workspace/didChangeWorkspaceFolders", &LanguageServer::didChangeWorkspaceFolders);
  onRequest("workspace/diagnostic", &LanguageServer::workspaceDiagnostic);
  onNotification("window/workDoneProgress/cancel", &LanguageServer::workDoneProgressCancel);
  onRequest("textDocument/codeLens", &LanguageServer::codeLens);
  onRequest("textDocument/inlayHint", &LanguageServer::inlayHint);
  onNotification("$/cancelRequest", &LanguageServer::cancelRequest);
  onNotification("$/setTrace", &LanguageServer::setTrace);
}

void LanguageServer::onFrame(protocol::FrameEvent event) {
  if (auto* error = std::get_if<protocol::FrameError>(&event)) {
    log(protocol::MessageType::Error, "framing error: " + error->description);
    if (error->bodyRead) {
      connection_->send(protocol::serializeError(
          json(nullptr), {ErrorCode::ParseError, "framing error: " + error->description}));
    }
    return;
  }
  protocol::ParsedMessage parsed =
      protocol::parseMessage(std::get<protocol::FrameMessage>(event).body);
  if (auto* invalid = std::get_if<protocol::InvalidMessage>(&parsed)) {
    log(protocol::MessageType::Error, invalid->error.message);
    // A broken response gets no reply: answering a response could start an endless exchange.
    if (!invalid->isResponse)
      connection_->send(protocol::serializeError(invalid->id, invalid->error));
  } else if (auto* request = std::get_if<protocol::Request>(&parsed)) {
    onRequestMessage(std::move(*request));
  } else if (auto* notification = std::get_if<protocol::Notification>(&parsed)) {
    onNotificationMessage(std::move(*notification));
  } else if (auto* response = std::get_if<protocol::Response>(&parsed)) {
    auto handler = responseHandlers_.find(response->id.dump());
    if (handler != responseHandlers_.end()) {
      auto callback = std::move(handler->second);
      responseHandlers_.erase(handler);
      callback(*response);
    }
  }
}

void LanguageServer::onRequestMessage(protocol::Request request) {
  trace("Received request '" + request.method + " - (" + request.id.dump() + ")'.",
        traceLevel_ == protocol::TraceValue::Verbose ? request.params.dump() : std::string());
  auto pending = std::make_shared<PendingRequest>(request.id);
  Reply reply(pending, connection_);
  if (lifecycle_ == Lifecycle::Uninitialized && request.method != "initialize") {
    reply.error(ErrorCode::ServerNotInitialized, "the server is not initialized yet");
    return;
  }
  if (lifecycle_ == Lifecycle::ShutDown) {
    reply.error(ErrorCode::InvalidRequest, "the server is shutting down");
    return;
  }
  if (lifecycle_ == Lifecycle::Running && request.method == "initialize") {
    reply.error(ErrorCode::InvalidRequest, "initialize was already received");
    return;
  }
  auto handler = requestHandlers_.find(request.method);
  if (handler == requestHandlers_.end()) {
    reply.error(ErrorCode::MethodNotFound, "unknown method " + request.method);
    return;
  }
  // Remember the request so $/cancelRequest can find it; forget answered ones as we go.
  if (requestsInFlight_.size() >= 64) {
    std::erase_if(requestsInFlight_, [](const auto& entry) { return entry.second.expired(); });
  }
  requestsInFlight_[request.id.dump()] = pending;
  try {
    handler->second(request.params, std::move(reply));
  } catch (const std::exception& error) {
    // The reply was moved into the handler; its destructor answers if nothing else did.
    log(protocol::MessageType::Error, request.method + " failed: " + error.what());
  }
}

void LanguageServer::onNotificationMessage(protocol::Notification notification) {
  trace("Received notification '" + notification.method + "'.",
        traceLevel_ == protocol::TraceValue::Verbose ? notification.params.dump() : std::string());
  if (lifecycle_ == Lifecycle::Uninitialized && notification.method != "exit") return;
  auto handler = notificationHandlers_.find(notification.method);
  if (handler == notificationHandlers_.end()) {
    // Optional notifications ($/...) are ignored silently; others are logged.
    if (!notification.method.starts_with("$/")) {
      log(protocol::MessageType::Log, "ignoring unknown notification " + notification.method);
    }
    return;
  }
  try {
    handler->second(notification.params);
  } catch (const std::exception& error) {
    log(protocol::MessageType::Error, notification.method + " failed: " + error.what());
  }
}

void LanguageServer::onClientClosed() {
  // The client went away without `exit`: stop, reporting failure unless it had shut us down.
  stop(shutdownRequested_ ? 0 : 1);
}

void LanguageServer::stop(int status) {
  exitStatus_ = status;
  connection_->close([this] { io_.stop(); });
}

void LanguageServer::notify(const char* method, json params) {
  connection_->send(protocol::serializeNotification(method, params));
}

void LanguageServer::sendRequest(const char* method, json params,
                                 std::function<void(const protocol::Response&)> onResponse) {
  // Callable from any thread. The response table belongs to the io thread: the registration is
  // posted there before the message is queued (also through the io thread), so it is in place
  // before any response can arrive, and the request goes out before anything sent after it.
  json id = nextServerRequestId_++;
  boost::asio::post(io_, [this, key = id.dump(), onResponse = std::move(onResponse)]() mutable {
    responseHandlers_[key] = std::move(onResponse);
  });
  connection_->send(protocol::serializeRequest(id, method, params));
}

void LanguageServer::log(protocol::MessageType type, const std::string& message) {
  if (logFile_) {
    std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
    std::fprintf(logFile_, "%s %s\n", stamp, message.c_str());
    std::fflush(logFile_);
  }
  notify("window/logMessage", protocol::LogMessageParams{type, message});
}

void LanguageServer::trace(const std::string& message, const std::string& verbose) {
  if (traceLevel_ == protocol::TraceValue::Off) return;
  json params = {{"message", message}};
  if (!verbose.empty()) params["verbose"] = verbose;
  notify("$/logTrace", params);
}

}  // namespace perfhint::lsp
