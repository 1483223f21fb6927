// Documents on their strands: applying analysis, debouncing it, publishing its results.
#include "server/lsp/language_server.h"

#include "analysis/engine/analyzer.h"  // analyze
#include "server/lsp/convert.h"        // findings -> diagnostics
#include "server/lsp/worker_parser.h"  // parsing on workers

#include <boost/asio/post.hpp>

#include <chrono>

namespace perfhint::lsp {

std::shared_ptr<OpenDocument> LanguageServer::findDocument(const std::string& uri,
                                                           const char* method) {
  auto found = documents_.find(uri);
  if (found != documents_.end()) return found->second;
  log(protocol::MessageType::Warning, std::string(method) + ": document is not open: " + uri);
  return nullptr;
}

void LanguageServer::runOnCurrentDocument(std::shared_ptr<OpenDocument> document, Reply reply,
                                          std::function<void(OpenDocument&, Reply)> task) {
  uint64_t generation = document->generation.load();
  boost::asio::post(document->strand, [document, generation, reply = std::move(reply),
                                       task = std::move(task)]() mutable {
    if (document->closed || document->generation.load() != generation || !document->document) {
      reply.error(protocol::ErrorCode::ContentModified, "the document changed; ask again");
      return;
    }
    task(*document, std::move(reply));
  });
}

bool LanguageServer::ensureAnalysis(OpenDocument& document, bool cancellable) {
  if (document.isAnalysisCurrent() && document.analysis->profile == workspaceProfile()) return true;
  const uint64_t generation = document.appliedGeneration;
  std::function<bool()> cancelled;
  if (cancellable) {
    cancelled = [&document, generation] { return document.generation.load() != generation; };
  }
  if (!document.document->reparse(workerParser(), cancelled)) return false;

  auto current = settings();
  DocumentAnalysis analysis;
  analysis.generation = generation;
  analysis.version = document.version;
  analysis.resultId = std::to_string(nextResultId_++);
  analysis.settings = documentSettings(document.uri);
  analysis.findings =
      analyze(*document.document, analysis.settings->selection, analysis.settings->analysis);
  analysis.diagnostics.reserve(analysis.findings.size());
  for (const Finding& finding : analysis.findings) {
    analysis.diagnostics.push_back(toDiagnostic(*document.document, finding, document.version,
                                                *current, encoding_, docsBase_));
  }
  applyProfile(document, analysis, *current);
  document.analysis = std::move(analysis);
  return true;
}

void LanguageServer::analyzeAndPublish(OpenDocument& document) {
  if (document.closed || !ensureAnalysis(document, true)) return;
  if (!clientPullsDiagnostics_) publishDiagnostics(document);
}

void LanguageServer::scheduleAnalysis(std::shared_ptr<OpenDocument> document) {
  unsigned delay = settings()->debounceMs;
  if (delay == 0) {
    analyzeAndPublish(*document);
    return;
  }
  const uint64_t generation = document->appliedGeneration;
  document->debounce.expires_after(std::chrono::milliseconds(delay));
  document->debounce.async_wait([this, document, generation](boost::system::error_code error) {
    // A newer change re-armed the timer (aborting this wait) or is queued behind us.
    if (error || document->generation.load() != generation) return;
    analyzeAndPublish(*document);
  });
}

void LanguageServer::publishDiagnostics(const OpenDocument& document) {
  protocol::PublishDiagnosticsParams params;
  params.uri = document.uri;
  params.version = document.analysis->version;
  params.diagnostics = document.analysis->diagnostics;
  notify("textDocument/publishDiagnostics", params);
}

void LanguageServer::refreshAllDocuments() {
  for (auto& [uri, document] : documents_) {
    boost::asio::post(document->strand, [this, document = document] {
      if (document->closed || !document->document) return;
      document->analysis.reset();
      analyzeAndPublish(*document);
    });
  }
  // A client that pulls diagnostics asks again only when told to; its pulls queue on each
  // document's strand behind the resets above.
  if (clientPullsDiagnostics_ && clientRefreshesDiagnostics_) {
    sendRequest("workspace/diagnostic/refresh", nullptr, [](const protocol::Response&) {});
  }
}

bool LanguageServer::applySettings(const nlohmann::json& values) {
  ServerSettings next = *settings();
  std::vector<std::string> errors = updateSettings(next, values);
  if (!errors.empty()) {
    std::string message = "perfhint: invalid settings, keeping the previous ones:";
    for (const std::string& error : errors) message += "\n- " + error;
    notify("window/showMessage",
           protocol::ShowMessageParams{protocol::MessageType::Warning, message});
    log(protocol::MessageType::Warning, message);
    return false;
  }
  bool profileChanged = next.profile != settings()->profile;
  std::string profile = next.profile;
  {
    std::lock_guard lock(settingsMutex_);
    settings_ = std::make_shared<const ServerSettings>(std::move(next));
  }
  // Before `initialized` the load waits: the server may not send requests (watching the file)
  // until the client has its initialize result.
  if (profileChanged && lifecycle_ == Lifecycle::Running) startProfileLoad(profile, std::nullopt);
  return true;
}

void LanguageServer::requestWorkspaceConfiguration() {
  protocol::ConfigurationParams params;
  params.items.push_back({std::nullopt, std::string("perfhint")});
  sendRequest("workspace/configuration", params, [this](const protocol::Response& response) {
    if (response.error || !response.result.is_array() || response.result.empty()) return;
    if (applySettings(response.result[0])) refreshAllDocuments();
  });
}

}  // namespace perfhint::lsp
