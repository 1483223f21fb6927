// Checks (and optionally fixes) a list of files in parallel, one parser per worker thread.
#pragma once

#include "analysis/engine/analysis_options.h"  // target version, severities
#include "analysis/engine/finding.h"           // results
#include "analysis/notebook/cell_layout.h"     // notebooks: cells of the program
#include "analysis/rules/rule_selection.h"     // which rules
#include "analysis/syntax/line_index.h"        // positions for reports
#include "config/resolved_config.h"            // FileSettings

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace perfhint::cli {

class CheckCache;

enum class FixMode { Off, Apply, Diff };

/// What one file is checked with, from the configuration that governs it.
using config::FileSettings;

struct CheckOptions {
  RuleSelection selection;
  FixMode fixMode = FixMode::Off;
  bool unsafeFixes = false;
  unsigned threads = 0;  ///< 0: one per core
  /// When not empty, one entry per file (in the order of the files), used instead of
  /// `selection` and `unsafeFixes`.
  std::vector<std::shared_ptr<const FileSettings>> perFile;
  /// When set, results are looked up here first and fresh ones recorded (see check_cache.h).
  /// With a fix mode a cached result is used only when none of its findings has a fix to apply.
  CheckCache* cache = nullptr;
};

/// Where a file's findings came from.
enum class ResultSource {
  Analysis,        ///< the file was read and analysed
  CacheByStamp,    ///< the cache, the file unchanged by its metadata (not read)
  CacheByContent,  ///< the cache, after reading the file and comparing its content hash
};

/// What a notebook adds to its FileResult: `text` is then the program the code cells form
/// (cell_layout.h), and the file itself is JSON.
struct NotebookResult {
  notebook::CellLayout layout;  ///< of the FileResult's `text`; span `cell` = index in `cells`
  std::string originalFile;     ///< the JSON as read
  std::string fixedFile;        ///< the JSON with the fixed cells' sources spliced in
  /// Per code cell (in layout order): the source as read and after fixes.
  std::vector<std::string> originalCells, fixedCells;
  /// Per code cell, where each of its lines starts in `fixedFile` (zero-based file line and
  /// byte column of the JSON string's opening quote). Empty for a cell whose `source` is one
  /// string: its lines then all map to the line of that string.
  std::vector<std::vector<LineColumn>> fileLineStarts;
  std::vector<LineColumn> sourceValueStarts;  ///< per code cell, in `fixedFile`
};

/// One file's outcome. With a fix mode, `text` is the fixed text and `findings` are what remains
/// in it; `originalText` is what was read.
struct FileResult {
  std::string path;
  std::string error;  ///< non-empty when the file could not be checked
  std::string originalText;
  std::string text;
  LineIndex lines;  ///< of `text`
  std::vector<Finding> findings;
  size_t fixesApplied = 0;
  ResultSource source = ResultSource::Analysis;
  std::optional<NotebookResult> notebook;  ///< set for a .ipynb file

  bool changed() const {
    return notebook ? notebook->fixedFile != notebook->originalFile : text != originalText;
  }
  /// What --fix writes back.
  const std::string& fixedFileText() const { return notebook ? notebook->fixedFile : text; }
};

/// Results in the order of `files`.
std::vector<FileResult> runCheck(const std::vector<std::string>& files,
                                 const CheckOptions& options);

/// What a column counts: code points (as editors and ruff show them) or UTF-16 code units (as
/// SARIF counts by default and LSP does).
enum class ColumnUnit { CodePoints, Utf16CodeUnits };

/// A one-based line and a one-based column; in a notebook, in the cell's own lines.
struct DisplayPosition {
  uint32_t line;
  uint32_t column;
  uint32_t cell = 0;  ///< one-based position of the cell in the notebook; 0 outside notebooks
};

/// For a notebook: where byte `offset` of `file.text` is in the .ipynb file itself (inside the
/// JSON string holding that source line), for formats read by tools that know nothing of
/// cells (SARIF, GitHub annotations). `column` is 0 when it cannot be told (a `source` stored
/// as one string).
DisplayPosition notebookFilePosition(const FileResult& file, uint32_t offset,
                                     ColumnUnit unit = ColumnUnit::CodePoints);

/// Where byte `offset` of `file.text` is, its column counted in `unit`.
DisplayPosition displayPosition(const FileResult& file, uint32_t offset,
                                ColumnUnit unit = ColumnUnit::CodePoints);

}  // namespace perfhint::cli
