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
  if (auto cell = notebookCells_.find(uri); cell != notebookCells_.end()) return cell->second;
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

  auto current = editorSettingsFor(document.uri);
  DocumentAnalysis analysis;
  analysis.generation = generation;
  analysis.version = document.version;
  analysis.resultId = std::to_string(nextResultId_++);
  analysis.settings = documentSettings(document.uri);
  analysis.findings =
      analyze(*document.document, analysis.settings->selection, analysis.settings->analysis);
  if (document.notebook) {
    // No finding or fix may span two cells; the rest are shown in their cell's coordinates.
    const notebook::CellLayout& layout = document.notebook->layout();
    layout.confineToCells(analysis.findings);
    for (const Finding& finding : analysis.findings) {
      size_t span = *layout.spanHolding(finding.range);
      analysis.findingCells.push_back(layout.spans()[span].cell);
      protocol::Diagnostic diagnostic = toDiagnostic(*document.document, finding, document.version,
                                                     *current, encoding_, docsBase_);
      shiftDiagnostic(diagnostic, layout.firstLine(span, document.document->lines()));
      analysis.diagnostics.push_back(std::move(diagnostic));
    }
    document.analysis = std::move(analysis);
    return true;
  }
  analysis.diagnostics.reserve(analysis.findings.size());
  for (const Finding& finding : analysis.findings) {
    analysis.diagnostics.push_back(toDiagnostic(*document.document, finding, document.version,
                                                *current, encoding_, docsBase_));
  }
  applyProfile(document, analysis, *current);
  document.analysis = std::move(analysis);
  return true;
}

namespace {

// What a client shows of a notebook's diagnostics: which cell, where, what (not `data`, whose
// version changes with every edit).
bool sameNotebookDiagnostics(const DocumentAnalysis& a, const DocumentAnalysis& b) {
  if (a.findingCells != b.findingCells) return false;
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    const protocol::Diagnostic& x = a.diagnostics[i];
    const protocol::Diagnostic& y = b.diagnostics[i];
    if (x.range != y.range || x.code != y.code || x.message != y.message) return false;
  }
  return true;
}

}  // namespace

void LanguageServer::analyzeAndPublish(OpenDocument& document) {
  if (document.closed || !ensureAnalysis(document, true)) return;
  if (!clientPullsDiagnostics_) {
    publishDiagnostics(document);
  } else if (document.notebook && clientRefreshesDiagnostics_) {
    // A client pulls only the cell it edited, but an edit in one cell can change the findings
    // of another (an import added or removed): ask it to pull again when they changed since
    // the last analysis it was told about (pulls in between may already have seen this one).
    std::optional<DocumentAnalysis>& announced = document.announcedNotebookAnalysis;
    if (announced && !sameNotebookDiagnostics(*announced, *document.analysis)) {
      sendRequest("workspace/diagnostic/refresh", nullptr, [](const protocol::Response&) {});
    }
    announced = document.analysis;
  }
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
  if (document.notebook) return publishNotebookDiagnostics(document);
  protocol::PublishDiagnosticsParams params;
  params.uri = document.uri;
  params.version = document.analysis->version;
  params.diagnostics = document.analysis->diagnostics;
  notify("textDocument/publishDiagnostics", params);
}

void LanguageServer::publishNotebookDiagnostics(const OpenDocument& document) {
  NotebookState& notebook = *document.notebook;
  const DocumentAnalysis& analysis = *document.analysis;
  std::vector<std::string> published;
  for (const NotebookCellState& cell : notebook.cells()) {
    if (cell.analysed) published.push_back(cell.uri);
  }
  for (const std::string& uri : notebook.publishedCells) {
    if (std::find(published.begin(), published.end(), uri) == published.end()) {
      notify("textDocument/publishDiagnostics",
             protocol::PublishDiagnosticsParams{uri, std::nullopt, {}});
    }
  }
  for (size_t i = 0; i < notebook.cells().size(); ++i) {
    const NotebookCellState& cell = notebook.cells()[i];
    if (!cell.analysed) continue;
    protocol::PublishDiagnosticsParams params{cell.uri, cell.version, {}};
    for (size_t f = 0; f < analysis.findingCells.size(); ++f) {
      if (analysis.findingCells[f] == i) params.diagnostics.push_back(analysis.diagnostics[f]);
    }
    notify("textDocument/publishDiagnostics", params);
  }
  notebook.publishedCells = std::move(published);
}

void LanguageServer::refreshAllDocuments() {
  ++settingsGeneration_;
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
    reportInvalidSettings(errors, {});
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

void LanguageServer::reportInvalidSettings(const std::vector<std::string>& errors,
                                           const std::string& scope) {
  std::string message = "perfhint: invalid settings";
  if (!scope.empty()) message += " for " + scope;
  message += ", keeping the previous ones:";
  for (const std::string& error : errors) message += "\n- " + error;
  notify("window/showMessage",
         protocol::ShowMessageParams{protocol::MessageType::Warning, message});
  log(protocol::MessageType::Warning, message);
}

void LanguageServer::requestWorkspaceConfiguration() {
  // The server-wide section first, then one item per folder: the client answers each folder
  // with its settings merged over the server-wide ones.
  std::vector<WorkspaceFolderState> folders = folders_.list();
  protocol::ConfigurationParams params;
  params.items.push_back({std::nullopt, std::string("perfhint")});
  for (const WorkspaceFolderState& folder : folders) {
    params.items.push_back({folder.uri, std::string("perfhint")});
  }
  sendRequest(
      "workspace/configuration", params, [this, folders](const protocol::Response& response) {
        if (response.error || !response.result.is_array() || response.result.empty()) return;
        bool changed = applySettings(response.result[0]);
        for (size_t i = 0; i < folders.size() && i + 1 < response.result.size(); ++i) {
          // Keys the folder's answer leaves out keep their server-wide value.
          ServerSettings folderSettings = *settings();
          std::vector<std::string> errors = updateSettings(folderSettings, response.result[i + 1]);
          if (!errors.empty()) {
            reportInvalidSettings(errors, folders[i].uri);
            continue;
          }
          folders_.setSettings(folders[i].uri,
                               std::make_shared<const ServerSettings>(std::move(folderSettings)));
          changed = true;
        }
        if (changed) refreshAllDocuments();
      });
}

}  // namespace perfhint::lsp
