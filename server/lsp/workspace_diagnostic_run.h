// One workspace/diagnostic request in progress.
//
// Design. The files are discovered on a worker, then analysed in batches. A batch runs one lane
// per worker thread; a lane takes the batch's next file (a closed file on the pool, an open
// document on its strand, where its current analysis is reused) and re-posts itself, so document
// work queued meanwhile runs between files. The lane that finishes last sends the batch on: as a
// partial result or into the final answer, followed by a work-done report. Batches go out in
// file order, so the messages a client sees depend only on the files, never on timing. At most
// one syntax tree per worker exists at a time and only one batch's reports wait to be sent,
// which bounds memory on large workspaces (without partial results the answer itself holds the
// diagnostics of every file). A cancelled request ($/cancelRequest or
// window/workDoneProgress/cancel) stops at the next file and answers RequestCancelled.
#pragma once

#include "protocol/lsp_types.h"        // reports
#include "server/lsp/open_document.h"  // open documents
#include "server/lsp/reply.h"          // the answer

#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace perfhint::lsp {

struct WorkspaceFile {
  std::string uri;
  std::string path;
};

/// The content hash of a file on disk as of its modification time and size, so a file that
/// still has both need not be read to be reported "unchanged".
struct DiskContentStamp {
  std::filesystem::file_time_type modified;
  uintmax_t size = 0;
  std::string hash;
};

/// Thread-safety: the fields above `batch` are set before the first batch starts and read-only
/// afterwards; each file of a batch writes only its own slot of `batch`, and the lane that takes
/// `lanesRunning` to zero owns the run until it starts the next batch.
struct WorkspaceDiagnosticRun {
  explicit WorkspaceDiagnosticRun(Reply answer) : reply(std::move(answer)) {}

  Reply reply;
  nlohmann::json workDoneToken;       ///< null: no work-done progress
  nlohmann::json partialResultToken;  ///< null: everything in the final answer
  std::unordered_map<std::string, std::string> previousResultIds;  ///< uri -> result id
  /// Open at the start. Weak: a run whose answer still waits in the io queue when the server goes
  /// must not keep documents (and their timers) alive past the io_context.
  std::unordered_map<std::string, std::weak_ptr<OpenDocument>> openDocuments;
  uint64_t settingsGeneration = 0;
  std::vector<WorkspaceFile> files;  ///< discovered, folder by folder, sorted by path
  std::vector<std::string> clears;   ///< uris whose earlier findings must be cleared
  size_t batchSize = 1;

  std::vector<std::optional<protocol::WorkspaceDocumentDiagnosticReport>> batch;
  size_t done = 0;                  ///< files finished before this batch
  std::atomic<size_t> nextSlot{0};  ///< the batch's next file to take
  std::atomic<size_t> lanesRunning{0};
  bool clearsSent = false;
  nlohmann::json items = nlohmann::json::array();  ///< the final answer's reports
  std::atomic<bool> cancelled{false};              ///< window/workDoneProgress/cancel
  std::atomic<bool> finished{false};

  /// Whether the client no longer wants the answer.
  bool stopped() const { return cancelled.load() || reply.answered(); }
};

}  // namespace perfhint::lsp
