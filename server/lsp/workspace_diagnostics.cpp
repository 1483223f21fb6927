// Workspace diagnostics: discovering the files of the workspace folders, analysing them batch by
// batch off the io thread, and sending the reports (see workspace_diagnostic_run.h).
#include "server/lsp/language_server.h"

#include "analysis/engine/analyzer.h"           // analyze
#include "protocol/uri.h"                       // file URIs
#include "server/cli/file_discovery.h"          // the files `perfhint check` would check
#include "server/cli/file_settings_resolver.h"  // exclude and respect-gitignore per directory
#include "server/cli/source_file.h"             // reading files
#include "server/lsp/convert.h"                 // findings -> diagnostics
#include "server/lsp/worker_parser.h"           // parsing on workers

#include <boost/asio/post.hpp>

#include <algorithm>  // max, min
#include <cinttypes>  // PRIx64
#include <cstdio>     // snprintf
#include <set>
#include <thread>  // hardware_concurrency
#include <unordered_set>

namespace perfhint::lsp {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

/// At least this many files per batch; larger workspaces take about a hundredth of their files
/// per batch, so progress moves by about one percent at a time.
constexpr size_t kMinimumBatchFiles = 32;

/// FNV-1a: a stable hash of the file's text for its result id.
std::string contentHash(const std::string& text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char byte : text) {
    hash ^= byte;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, hash);
  return hex;
}

bool isUnchanged(const WorkspaceDiagnosticRun& run, const std::string& uri,
                 const std::string& resultId) {
  auto previous = run.previousResultIds.find(uri);
  return previous != run.previousResultIds.end() && previous->second == resultId;
}

}  // namespace

void LanguageServer::discoverWorkspaceFiles(WorkspaceDiagnosticRun& run) {
  std::vector<WorkspaceFolderState> folders = folders_.list();
  std::set<fs::path> roots;
  for (const WorkspaceFolderState& folder : folders) roots.insert(folder.root);
  std::unordered_set<std::string> discovered;
  for (const WorkspaceFolderState& folder : folders) {
    auto editor = folder.settings ? folder.settings : settings();
    cli::FileSettingsResolver resolver(editorLayer(*editor, folder.root), false);
    cli::DiscoveryOptions options;
    options.respectGitignore = [&](const std::string& directory) {
      return resolver.forDirectory(directory).respectGitignore;
    };
    // A folder nested in this one is walked as its own folder, with its own settings.
    options.isExcluded = [&](const std::string& path) {
      fs::path normal = fs::path(path).lexically_normal();
      return (normal != folder.root && roots.count(normal)) || resolver.isExcluded(normal);
    };
    cli::DiscoveredFiles found = cli::discoverPythonFiles({folder.root.string()}, options);
    for (const std::string& error : found.errors) {
      log(protocol::MessageType::Warning, "workspace diagnostics: " + error);
    }
    for (std::string& path : found.files) {
      std::optional<std::string> uri = protocol::pathToFileUri(path);
      if (!uri || !discovered.insert(*uri).second) continue;
      run.files.push_back({std::move(*uri), std::move(path)});
    }
  }
  {
    std::lock_guard lock(workspaceFindingsMutex_);
    for (const std::string& uri : workspaceFilesWithFindings_) {
      if (!discovered.count(uri) && !run.openDocuments.count(uri)) run.clears.push_back(uri);
    }
  }
  {
    // Forget the stamps of files that are no longer in the workspace.
    std::lock_guard lock(diskStampsMutex_);
    std::erase_if(diskStamps_, [&](const auto& entry) {
      std::optional<std::string> uri = protocol::pathToFileUri(entry.first);
      return !uri || !discovered.count(*uri);
    });
  }
  run.batchSize = std::max(kMinimumBatchFiles, (run.files.size() + 99) / 100);
}

void LanguageServer::runWorkspaceBatch(std::shared_ptr<WorkspaceDiagnosticRun> run) {
  if (run->stopped() || run->done == run->files.size()) {
    finishWorkspaceRun(run);
    return;
  }
  size_t count = std::min(run->batchSize, run->files.size() - run->done);
  run->batch.assign(count, std::nullopt);
  run->nextSlot = 0;
  // One lane per worker, each taking the batch's files one by one: the pool never holds more
  // than a file per worker of this run, so an edited document's analysis waits for at most one
  // file instead of a whole batch.
  unsigned workers = options_.workerThreads ? options_.workerThreads
                                            : std::max(1u, std::thread::hardware_concurrency());
  size_t lanes = std::min<size_t>(count, workers);
  run->lanesRunning = lanes;
  for (size_t lane = 0; lane < lanes; ++lane) {
    boost::asio::post(workers_, [this, run] { analyzeNextWorkspaceFile(run); });
  }
}

void LanguageServer::analyzeNextWorkspaceFile(std::shared_ptr<WorkspaceDiagnosticRun> run) {
  size_t slot = run->nextSlot.fetch_add(1);
  if (slot >= run->batch.size()) {
    // This lane is done; the last lane to finish sends the batch on.
    if (run->lanesRunning.fetch_sub(1, std::memory_order_acq_rel) == 1) finishWorkspaceBatch(run);
    return;
  }
  const WorkspaceFile& file = run->files[run->done + slot];
  auto continueLane = [this, run] {
    boost::asio::post(workers_, [this, run] { analyzeNextWorkspaceFile(run); });
  };
  auto open = run->openDocuments.find(file.uri);
  std::shared_ptr<OpenDocument> openDocument =
      open == run->openDocuments.end() ? nullptr : open->second.lock();
  if (!openDocument) {
    run->batch[slot] = closedFileReport(*run, file);
    continueLane();
    return;
  }
  // Open: the editor's text, analysed on the document's strand (and kept for later pulls).
  boost::asio::post(openDocument->strand,
                    [this, run, slot, &file, document = openDocument, continueLane] {
                      if (document->closed || !document->document) {
                        run->batch[slot] = closedFileReport(*run, file);
                      } else if (!run->stopped()) {
                        run->batch[slot] = openDocumentReport(*run, *document);
                      }
                      continueLane();
                    });
}

void LanguageServer::finishWorkspaceBatch(std::shared_ptr<WorkspaceDiagnosticRun> run) {
  run->done += run->batch.size();
  if (run->stopped()) {
    finishWorkspaceRun(run);
    return;
  }
  json items = json::array();
  for (auto& report : run->batch) {
    if (report) items.push_back(std::move(*report));
  }
  run->batch.clear();
  emitWorkspaceReports(*run, std::move(items));
  if (!run->workDoneToken.is_null()) {
    size_t total = run->files.size();
    sendProgress(run->workDoneToken,
                 {{"kind", "report"},
                  {"percentage", run->done * 100 / total},
                  {"message", std::to_string(run->done) + "/" + std::to_string(total) + " files"}});
  }
  runWorkspaceBatch(std::move(run));
}

void LanguageServer::emitWorkspaceReports(WorkspaceDiagnosticRun& run, json items) {
  if (!run.clearsSent) {
    // Files that left the workspace first, each with an empty report.
    run.clearsSent = true;
    json cleared = json::array();
    for (const std::string& uri : run.clears) {
      cleared.push_back(
          protocol::WorkspaceDocumentDiagnosticReport{uri, std::nullopt, {}, false, {}});
    }
    items.insert(items.begin(), cleared.begin(), cleared.end());
  }
  if (items.empty()) return;
  if (run.partialResultToken.is_null()) {
    run.items.insert(run.items.end(), items.begin(), items.end());
  } else {
    rememberWorkspaceFindings(items);
    sendProgress(run.partialResultToken, {{"items", std::move(items)}});
  }
}

void LanguageServer::rememberWorkspaceFindings(const json& items) {
  std::lock_guard lock(workspaceFindingsMutex_);
  for (const json& report : items) {
    // Open documents are left to their own pulls; unchanged reports change nothing.
    if (report["kind"] != "full" || !report["version"].is_null()) continue;
    if (report["items"].empty()) {
      workspaceFilesWithFindings_.erase(report["uri"].get<std::string>());
    } else {
      workspaceFilesWithFindings_.insert(report["uri"].get<std::string>());
    }
  }
}

void LanguageServer::finishWorkspaceRun(const std::shared_ptr<WorkspaceDiagnosticRun>& run) {
  if (run->finished.exchange(true)) return;
  bool stopped = run->stopped();
  if (!stopped) emitWorkspaceReports(*run, json::array());
  if (!run->workDoneToken.is_null()) {
    std::string message =
        stopped ? "cancelled" : std::to_string(run->files.size()) + " files checked";
    sendProgress(run->workDoneToken, {{"kind", "end"}, {"message", message}});
  }
  if (stopped) {
    run->reply.error(protocol::ErrorCode::RequestCancelled, "the request was cancelled");
  } else if (run->partialResultToken.is_null()) {
    rememberWorkspaceFindings(run->items);
    run->reply.result({{"items", std::move(run->items)}});
  } else {
    run->reply.result({{"items", json::array()}});
  }
}

std::optional<protocol::WorkspaceDocumentDiagnosticReport> LanguageServer::closedFileReport(
    const WorkspaceDiagnosticRun& run, const WorkspaceFile& file) {
  if (run.stopped()) return std::nullopt;
  protocol::WorkspaceDocumentDiagnosticReport report;
  report.uri = file.uri;
  // Built by appending: GCC 12 warns falsely about `"-" + std::to_string(...)`.
  std::string generation = "-";
  generation += std::to_string(run.settingsGeneration);
  std::error_code error;
  DiskContentStamp stamp{fs::last_write_time(file.path, error), 0, {}};
  if (!error) stamp.size = fs::file_size(file.path, error);
  if (!error) {
    // Unchanged on disk since it was last hashed: no need to read it.
    std::lock_guard lock(diskStampsMutex_);
    auto known = diskStamps_.find(file.path);
    if (known != diskStamps_.end() && known->second.modified == stamp.modified &&
        known->second.size == stamp.size &&
        isUnchanged(run, file.uri, known->second.hash + generation)) {
      report.resultId = known->second.hash + generation;
      report.unchanged = true;
      return report;
    }
  }
  cli::LoadedSource source = cli::loadSource(file.path);
  if (!source.text) return std::nullopt;
  stamp.hash = contentHash(*source.text);
  report.resultId = stamp.hash + generation;
  if (!error) {
    std::lock_guard lock(diskStampsMutex_);
    diskStamps_[file.path] = std::move(stamp);
  }
  if (isUnchanged(run, file.uri, *report.resultId)) {
    report.unchanged = true;
    return report;
  }
  Document document(std::move(*source.text), workerParser());
  auto fileSettings = documentSettings(file.uri);
  auto editor = editorSettingsFor(file.uri);
  for (const Finding& finding :
       analyze(document, fileSettings->selection, fileSettings->analysis)) {
    report.items.push_back(toDiagnostic(document, finding, 0, *editor, encoding_, docsBase_));
  }
  return report;
}

protocol::WorkspaceDocumentDiagnosticReport LanguageServer::openDocumentReport(
    const WorkspaceDiagnosticRun& run, OpenDocument& document) {
  ensureAnalysis(document, false);
  const DocumentAnalysis& analysis = *document.analysis;
  protocol::WorkspaceDocumentDiagnosticReport report;
  report.uri = document.uri;
  report.version = analysis.version;
  report.resultId = analysis.resultId;
  report.unchanged = isUnchanged(run, document.uri, analysis.resultId);
  if (!report.unchanged) report.items = analysis.diagnostics;
  return report;
}

void LanguageServer::sendProgress(const json& token, json value) {
  notify("$/progress", {{"token", token}, {"value", std::move(value)}});
}

}  // namespace perfhint::lsp
