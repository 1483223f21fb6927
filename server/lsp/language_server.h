// perfhint's language server: lifecycle, dispatch, documents and their analysis.
//
// Design. Messages arrive on the io thread (connection.h), in order. The dispatcher checks the
// lifecycle, decodes params into protocol structs (bad params answer InvalidParams) and calls a
// handler; each handler lives in handlers/<method>.cpp and reads like the spec's section for
// its method. Work on a document runs on a worker pool, serialised per document by the
// document's strand: edits are applied there in arrival order (text at once, tree reparse
// deferred), and analysis runs after a debounce. Every change bumps the document's generation
// on the io thread, so work started for an older generation sees it is stale: a reparse in
// progress is cancelled, a debounced analysis is skipped, and a request whose document changed
// under it answers ContentModified. Results reach the client through Connection::send, which is
// thread-safe. Nothing here blocks the io thread on analysis. workspace/diagnostic walks the
// workspace folders and analyses their files on the same pool, a file per worker at a time
// (workspace_diagnostic_run.h).
#pragma once

#include "config/config_discovery.h"              // configuration files
#include "protocol/lsp_types.h"                   // params and results
#include "protocol/position_encoding.h"           // negotiated encoding
#include "server/lsp/connection.h"                // the client
#include "server/lsp/open_document.h"             // documents, and the profile
#include "server/lsp/reply.h"                     // answering requests
#include "server/lsp/server_settings.h"           // configuration
#include "server/lsp/workspace_diagnostic_run.h"  // workspace/diagnostic in progress
#include "server/lsp/workspace_folders.h"         // workspace folders

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

namespace perfhint::lsp {

struct ServerOptions {
  unsigned workerThreads = 0;  ///< 0: one per core
  std::string logFile;         ///< also write log messages here when set
};

class LanguageServer {
 public:
  LanguageServer(boost::asio::io_context& io, std::shared_ptr<Connection> connection,
                 ServerOptions options);
  ~LanguageServer();
  LanguageServer(const LanguageServer&) = delete;
  LanguageServer& operator=(const LanguageServer&) = delete;

  /// Starts serving; returns at once (the caller runs the io_context).
  void start();
  /// After the io_context stops: 0 when `exit` followed `shutdown`, else 1.
  int exitStatus() const { return exitStatus_; }

 private:
  enum class Lifecycle { Uninitialized, Running, ShutDown };
  using RequestHandler = std::function<void(const nlohmann::json& params, Reply reply)>;
  using NotificationHandler = std::function<void(const nlohmann::json& params)>;

  // ---- dispatch (language_server.cpp) ----
  void registerHandlers();
  template <typename Params>
  void onRequest(const char* method, void (LanguageServer::*handler)(Params, Reply));
  template <typename Params>
  void onNotification(const char* method, void (LanguageServer::*handler)(Params));
  void onFrame(protocol::FrameEvent event);
  void onRequestMessage(protocol::Request request);
  void onNotificationMessage(protocol::Notification notification);
  void onClientClosed();
  void stop(int status);

  // ---- handlers: one file each under handlers/ ----
  void initialize(protocol::InitializeParams params, Reply reply);
  void initialized(nlohmann::json params);
  void shutdown(nlohmann::json params, Reply reply);
  void exit(nlohmann::json params);
  void didOpen(protocol::DidOpenTextDocumentParams params);
  void didChange(protocol::DidChangeTextDocumentParams params);
  void didClose(protocol::DidCloseTextDocumentParams params);
  void didSave(protocol::DidSaveTextDocumentParams params);
  void didOpenNotebook(protocol::DidOpenNotebookDocumentParams params);
  void didChangeNotebook(protocol::DidChangeNotebookDocumentParams params);
  void didSaveNotebook(protocol::DidSaveNotebookDocumentParams params);
  void didCloseNotebook(protocol::DidCloseNotebookDocumentParams params);
  void diagnostic(protocol::DocumentDiagnosticParams params, Reply reply);
  void hover(protocol::HoverParams params, Reply reply);
  void codeAction(protocol::CodeActionParams params, Reply reply);
  void codeActionResolve(protocol::CodeAction params, Reply reply);
  void executeCommand(protocol::ExecuteCommandParams params, Reply reply);
  void didChangeConfiguration(protocol::DidChangeConfigurationParams params);
  void didChangeWatchedFiles(protocol::DidChangeWatchedFilesParams params);
  void didChangeWorkspaceFolders(protocol::DidChangeWorkspaceFoldersParams params);
  void workspaceDiagnostic(protocol::WorkspaceDiagnosticParams params, Reply reply);
  void workDoneProgressCancel(protocol::WorkDoneProgressCancelParams params);
  void codeLens(nlohmann::json params, Reply reply);
  void inlayHint(nlohmann::json params, Reply reply);
  void cancelRequest(protocol::CancelParams params);
  void setTrace(protocol::SetTraceParams params);

  // ---- documents and analysis (document_analysis.cpp) ----
  /// The open document `uri`, or for a notebook cell's URI the notebook holding it.
  std::shared_ptr<OpenDocument> findDocument(const std::string& uri, const char* method);
  /// Runs `task` on the document's strand unless the document changed meanwhile, in which case
  /// the reply is ContentModified.
  void runOnCurrentDocument(std::shared_ptr<OpenDocument> document, Reply reply,
                            std::function<void(OpenDocument&, Reply)> task);
  /// On the strand: reparse and analyse the current text unless already done. Returns false
  /// when a newer change cancelled the parse.
  bool ensureAnalysis(OpenDocument& document, bool cancellable);
  void scheduleAnalysis(std::shared_ptr<OpenDocument> document);
  void analyzeAndPublish(OpenDocument& document);
  void publishDiagnostics(const OpenDocument& document);
  /// publishDiagnostics for a notebook: one notification per cell, in the cells' coordinates;
  /// cells that left the notebook are cleared.
  void publishNotebookDiagnostics(const OpenDocument& document);
  /// Re-analyses and re-publishes every open document (after a configuration change).
  void refreshAllDocuments();
  /// A snapshot of the settings; callable from any thread.
  std::shared_ptr<const ServerSettings> settings() const {
    std::lock_guard lock(settingsMutex_);
    return settings_;
  }
  /// Returns false (and tells the user) when the values are invalid; the settings then stay.
  bool applySettings(const nlohmann::json& values);
  /// Tells the user why settings (for `scope`, empty: server-wide) were not taken.
  void reportInvalidSettings(const std::vector<std::string>& errors, const std::string& scope);
  /// Asks for the `perfhint` section server-wide and for each workspace folder's scope.
  void requestWorkspaceConfiguration();

  // ---- workspace diagnostics (workspace_diagnostics.cpp) ----
  /// On a worker: the Python files of every workspace folder, as `perfhint check` would find
  /// them, and the files whose earlier findings must be cleared.
  void discoverWorkspaceFiles(WorkspaceDiagnosticRun& run);
  /// Starts the next batch of files, one lane per worker; the last lane done finishes it.
  void runWorkspaceBatch(std::shared_ptr<WorkspaceDiagnosticRun> run);
  /// One lane's step: the batch's next file, then the next step posted behind queued work.
  void analyzeNextWorkspaceFile(std::shared_ptr<WorkspaceDiagnosticRun> run);
  void finishWorkspaceBatch(std::shared_ptr<WorkspaceDiagnosticRun> run);
  void finishWorkspaceRun(const std::shared_ptr<WorkspaceDiagnosticRun>& run);
  /// Sends reports as a partial result, or keeps them for the final answer.
  void emitWorkspaceReports(WorkspaceDiagnosticRun& run, nlohmann::json items);
  /// Records which files not open have findings on the client, as of reports it receives.
  void rememberWorkspaceFindings(const nlohmann::json& items);
  /// A file that is not open, from its content on disk; nullopt when it is not Python text or
  /// the run stopped.
  std::optional<protocol::WorkspaceDocumentDiagnosticReport> closedFileReport(
      const WorkspaceDiagnosticRun& run, const WorkspaceFile& file);
  /// On the document's strand: the report of its current analysis.
  protocol::WorkspaceDocumentDiagnosticReport openDocumentReport(const WorkspaceDiagnosticRun& run,
                                                                 OpenDocument& document);
  void sendProgress(const nlohmann::json& token, nlohmann::json value);

  // ---- configuration files (document_configuration.cpp) ----
  /// The settings for a document: its configuration file (found from its path) under the
  /// editor's settings. Reports an invalid configuration file once (window/showMessage); the
  /// last good configuration then stays in force. Callable from any thread.
  std::shared_ptr<const config::FileSettings> documentSettings(const std::string& uri);
  /// The editor's settings for a document: its workspace folder's, else the server-wide ones.
  std::shared_ptr<const ServerSettings> editorSettingsFor(const std::string& uri);
  /// `keptLastGood`: whether an earlier good configuration of that file stays in force (else the
  /// defaults apply).
  void reportConfigErrors(const std::vector<config::ConfigError>& errors, bool keptLastGood);
  /// Asks the client to tell us when perfhint.toml or pyproject.toml files change.
  void watchConfigFiles();

  // ---- profile-guided hints (profile_loading.cpp) ----
  /// The profile in force (null: none); callable from any thread.
  std::shared_ptr<const WorkspaceProfile> workspaceProfile() const {
    std::lock_guard lock(profileMutex_);
    return profile_;
  }
  /// On the io thread: loads the profile `pattern` names (empty: drops the profile) on a worker,
  /// then re-checks open documents. On failure the user is told and the previous profile stays.
  /// `reply`, when given, is answered once the load is over.
  void startProfileLoad(std::string pattern, std::optional<Reply> reply);
  /// Re-checks the open documents not yet analysed with the profile in force (io thread).
  void refreshForProfile();
  /// On the profile strand: asks the client to watch the profile file (or glob; empty: nothing).
  void watchProfileFile(const std::string& pattern);
  /// Adjusts the analysis' diagnostics to the profile in force (document_analysis.cpp's step).
  void applyProfile(const OpenDocument& document, DocumentAnalysis& analysis,
                    const ServerSettings& current);
  /// The paths of the open documents (io thread).
  std::vector<std::string> openDocumentPaths() const;

  // ---- client messages ----
  void notify(const char* method, nlohmann::json params);
  void sendRequest(const char* method, nlohmann::json params,
                   std::function<void(const protocol::Response&)> onResponse);
  void log(protocol::MessageType type, const std::string& message);
  void trace(const std::string& message, const std::string& verbose = {});

  boost::asio::io_context& io_;
  std::shared_ptr<Connection> connection_;
  ServerOptions options_;
  boost::asio::thread_pool workers_;
  FILE* logFile_ = nullptr;

  // Touched on the io thread only.
  Lifecycle lifecycle_ = Lifecycle::Uninitialized;
  bool shutdownRequested_ = false;
  int exitStatus_ = 1;
  std::unordered_map<std::string, RequestHandler> requestHandlers_;
  std::unordered_map<std::string, NotificationHandler> notificationHandlers_;
  std::unordered_map<std::string, std::shared_ptr<OpenDocument>> documents_;
  /// Cell URI -> the notebook (in `documents_`) that holds the cell.
  std::unordered_map<std::string, std::shared_ptr<OpenDocument>> notebookCells_;
  std::unordered_map<std::string, std::weak_ptr<PendingRequest>> requestsInFlight_;
  std::unordered_map<std::string, std::function<void(const protocol::Response&)>> responseHandlers_;
  std::atomic<int64_t> nextServerRequestId_{1};
  mutable std::mutex settingsMutex_;
  std::shared_ptr<const ServerSettings> settings_ = std::make_shared<ServerSettings>();
  std::string docsBase_;               ///< file URI of docs/rules.md when found beside the binary
  config::ConfigFinder configFinder_;  ///< thread-safe
  std::mutex reportedConfigErrorsMutex_;
  std::set<std::string> reportedConfigErrors_;  ///< since the last change of a config file
  std::atomic<uint64_t> nextResultId_{1};
  WorkspaceFolders folders_;  ///< thread-safe
  /// Bumped whenever settings, configuration files or folders change: part of the result id of
  /// a file that is not open, so a report computed under other settings is never "unchanged".
  std::atomic<uint64_t> settingsGeneration_{1};
  /// Workspace diagnostic runs with a work-done token, by token (io thread only).
  std::unordered_map<std::string, std::weak_ptr<WorkspaceDiagnosticRun>> workspaceRuns_;
  std::mutex workspaceFindingsMutex_;
  /// Files not open whose last workspace report had findings: they get an empty report once
  /// they leave the workspace (folder removed, file deleted or excluded).
  std::set<std::string> workspaceFilesWithFindings_;
  std::mutex diskStampsMutex_;
  /// By path, for the files of the last workspace walk.
  std::unordered_map<std::string, DiskContentStamp> diskStamps_;
  protocol::TraceValue traceLevel_ = protocol::TraceValue::Off;
  std::filesystem::path workspaceRoot_;  ///< set by initialize; profile paths are relative to it
  std::string profilePattern_;  ///< io thread: the profile asked for last (setting or command)
  mutable std::mutex profileMutex_;
  std::shared_ptr<const WorkspaceProfile> profile_;
  std::atomic<uint64_t> profileRequests_{0};  ///< a load started before the last one is dropped
  std::string watchedProfilePattern_;         ///< profile strand only
  /// Loads run one at a time, in the order asked.
  boost::asio::strand<boost::asio::thread_pool::executor_type> profileStrand_{
      workers_.get_executor()};

  // Set by initialize, read by workers afterwards.
  protocol::PositionEncoding encoding_ = protocol::PositionEncoding::Utf16;
  bool clientPullsDiagnostics_ = false;
  bool clientRefreshesDiagnostics_ = false;  ///< accepts workspace/diagnostic/refresh
  bool clientResolvesCodeActions_ = false;
  bool clientHasConfiguration_ = false;
  bool clientAppliesEdits_ = false;
  bool clientWatchesFilesForUs_ = false;
};

}  // namespace perfhint::lsp
