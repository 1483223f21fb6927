// One document the client has open, and the analysis of its latest version.
#pragma once

#include "analysis/engine/finding.h"       // findings
#include "analysis/syntax/document.h"      // text and tree
#include "config/resolved_config.h"        // the settings an analysis used
#include "profile/python_functions.h"      // defs, for profile hints
#include "protocol/lsp_types.h"            // published diagnostics
#include "server/lsp/open_notebook.h"      // a notebook's cells
#include "server/lsp/workspace_profile.h"  // the profile the hints come from

#include <boost/asio/steady_timer.hpp>  // debounce
#include <boost/asio/strand.hpp>        // per-document serialisation
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace perfhint::lsp {

using WorkerStrand = boost::asio::strand<boost::asio::thread_pool::executor_type>;

/// The findings of one document version, kept so hover and code actions need no re-analysis.
struct DocumentAnalysis {
  uint64_t generation = 0;
  std::string resultId;  ///< for pull diagnostics; unique for the server's lifetime
  int version = 0;
  std::vector<Finding> findings;
  std::vector<protocol::Diagnostic> diagnostics;  ///< the same findings, converted
  /// For a notebook: per finding, the index of its cell (NotebookState::cells); the diagnostics
  /// are then in that cell's coordinates.
  std::vector<size_t> findingCells;
  /// What the analysis ran with (configuration file and editor settings), for the fixes that
  /// code actions offer.
  std::shared_ptr<const config::FileSettings> settings;
  /// The profile the diagnostics were adjusted to (null: none). When another profile is in force
  /// the analysis is stale, as after an edit.
  std::shared_ptr<const WorkspaceProfile> profile;
  /// When `profile` covers the document: its path as the profile knows it, and its defs.
  std::string profilePath;
  std::vector<profile::PythonFunction> functions;
};

/// Thread-safety: `generation` is written on the io thread (one increment per change received)
/// and read anywhere, so a task can tell that newer text is on its way; everything else is
/// touched only on `strand`, which runs one task at a time in the order they were posted.
struct OpenDocument {
  OpenDocument(std::string documentUri, WorkerStrand documentStrand)
      : uri(std::move(documentUri)), strand(std::move(documentStrand)), debounce(strand) {}

  const std::string uri;
  WorkerStrand strand;
  boost::asio::steady_timer debounce;
  std::atomic<uint64_t> generation{0};
  /// Set on the io thread before the document is shared, never changed: a notebook document.
  bool isNotebook = false;

  uint64_t appliedGeneration = 0;  ///< generation of the text in `document`
  int version = 0;
  std::unique_ptr<Document> document;  ///< created by the first task on the strand
  std::optional<DocumentAnalysis> analysis;
  /// Set for a notebook: `document` is then the program its Python cells form.
  std::unique_ptr<NotebookState> notebook;
  /// For a notebook whose client pulls diagnostics: the analysis it was last asked to pull.
  std::optional<DocumentAnalysis> announcedNotebookAnalysis;
  bool closed = false;

  /// Whether `analysis` describes the text as it is now on the strand.
  bool isAnalysisCurrent() const { return analysis && analysis->generation == appliedGeneration; }
};

}  // namespace perfhint::lsp
