// Checks (and optionally fixes) a list of files in parallel, one parser per worker thread.
#pragma once

#include "analysis/engine/analysis_options.h"  // target version, severities
#include "analysis/engine/finding.h"           // results
#include "analysis/rules/rule_selection.h"     // which rules
#include "analysis/syntax/line_index.h"        // positions for reports
#include "config/resolved_config.h"            // FileSettings

#include <memory>
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

  bool changed() const { return text != originalText; }
};

/// Results in the order of `files`.
std::vector<FileResult> runCheck(const std::vector<std::string>& files,
                                 const CheckOptions& options);

/// What a column counts: code points (as editors and ruff show them) or UTF-16 code units (as
/// SARIF counts by default and LSP does).
enum class ColumnUnit { CodePoints, Utf16CodeUnits };

/// A one-based line and a one-based column.
struct DisplayPosition {
  uint32_t line;
  uint32_t column;
};

/// Where byte `offset` of `file.text` is, its column counted in `unit`.
DisplayPosition displayPosition(const FileResult& file, uint32_t offset,
                                ColumnUnit unit = ColumnUnit::CodePoints);

}  // namespace perfhint::cli
