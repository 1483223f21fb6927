#include "server/cli/check_runner.h"

#include "analysis/engine/analyzer.h"     // analyze
#include "analysis/fix/apply_fixes.h"     // fixUntilStable
#include "analysis/syntax/tree_sitter.h"  // a parser per thread
#include "server/cli/cache_keys.h"        // stamps and settings keys
#include "server/cli/check_cache.h"       // earlier results
#include "server/cli/content_hash.h"      // content keys
#include "server/cli/notebook_check.h"    // .ipynb files
#include "server/cli/source_file.h"       // loadSource

#include <algorithm>  // stable_sort, count_if, none_of
#include <atomic>
#include <optional>
#include <thread>
#include <tuple>  // tie

namespace perfhint::cli {
namespace {

// Whether a cached result stands for this run: always when only checking; with a fix mode only
// when there is nothing to fix, since the fixed text and what remains in it are not cached.
bool canUse(const CachedCheck& cached, const CheckOptions& options, const FileSettings& settings) {
  if (options.fixMode == FixMode::Off) return true;
  return std::none_of(cached.findings.begin(), cached.findings.end(), [&](const Finding& finding) {
    return isApplicable(finding, settings.unsafeFixes);
  });
}

void takeCached(CachedCheck cached, ResultSource source, FileResult& result) {
  result.originalText = std::move(cached.text);
  result.text = result.originalText;
  result.lines = LineIndex(result.text);
  result.findings = std::move(cached.findings);
  result.source = source;
}

// What the cache needs to know of one file's check.
struct CacheProbe {
  CheckCache* cache = nullptr;
  std::optional<FileStamp> stamp;  ///< taken before reading, so a later change shows next time
  uint64_t settings = 0;
  bool active() const { return cache && stamp; }
};

void checkPythonSource(std::string text, bool fix, const FileSettings& settings, TSParser& parser,
                       FileResult& result) {
  result.originalText = std::move(text);
  if (!fix) {
    result.text = result.originalText;
    Document document(result.text, parser);
    result.findings = analyze(document, settings.selection, settings.analysis);
  } else {
    FixOutcome outcome = fixUntilStable(result.originalText, settings.selection,
                                        settings.unsafeFixes, parser, settings.analysis);
    result.text = std::move(outcome.text);
    result.findings = std::move(outcome.remaining);
    result.fixesApplied = outcome.applied;
  }
}

void checkOne(size_t index, const std::string& path, const CheckOptions& options,
              const FileSettings& settings, TSParser& parser, FileResult& result) {
  result.path = path;
  // Notebooks are not cached: their results carry the cell layout, which the cache does not keep.
  bool notebook = isNotebookPath(path);
  CacheProbe probe;
  if (options.cache && !notebook) {
    probe = {options.cache, stampOf(path), settingsKey(settings)};
    if (probe.active()) {
      std::optional<CachedCheck> cached =
          probe.cache->findByStamp(path, probe.settings, *probe.stamp);
      if (cached && canUse(*cached, options, settings)) {
        return takeCached(std::move(*cached), ResultSource::CacheByStamp, result);
      }
    }
  }
  LoadedSource source = loadSource(path);
  if (!source.text) {
    result.error = std::move(source.error);
    return;
  }
  uint64_t hash = 0;
  if (probe.active()) {
    hash = contentHash(*source.text);
    std::optional<CachedCheck> cached =
        probe.cache->findByContent(index, path, probe.settings, *probe.stamp, hash);
    if (cached && canUse(*cached, options, settings)) {
      return takeCached(std::move(*cached), ResultSource::CacheByContent, result);
    }
  }
  bool fix = options.fixMode != FixMode::Off;
  if (notebook) {
    checkNotebook(std::move(*source.text), fix, settings, parser, result);
  } else {
    checkPythonSource(std::move(*source.text), fix, settings, parser, result);
  }
  if (!result.error.empty()) return;
  result.lines = LineIndex(result.text);
  // Reports promise a stable order whatever the rules or the fix rounds returned.
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     return std::tie(a.range.start, a.range.end, a.rule->code) <
                            std::tie(b.range.start, b.range.end, b.rule->code);
                   });
  // Only findings of the text on disk are worth keeping: after a fix they describe another text.
  if (probe.active() && result.fixesApplied == 0 && !result.changed()) {
    probe.cache->record(index, path, probe.settings, *probe.stamp, hash, result.text,
                        result.findings);
  }
}

}  // namespace

std::vector<FileResult> runCheck(const std::vector<std::string>& files,
                                 const CheckOptions& options) {
  std::vector<FileResult> results(files.size());
  unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(files.size(), 1)));

  // Workers take the next file index until none is left; results land in their own slots.
  FileSettings shared{options.selection, {}, options.unsafeFixes};
  if (options.cache) options.cache->beginRun(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    syntax::ParserPtr parser = syntax::makePythonParser();
    for (size_t i = next++; i < files.size(); i = next++) {
      const FileSettings& settings = options.perFile.empty() ? shared : *options.perFile[i];
      checkOne(i, files[i], options, settings, *parser, results[i]);
    }
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::jthread> pool;
    for (unsigned i = 0; i < threads; ++i) pool.emplace_back(work);
  }
  return results;
}

DisplayPosition displayPosition(const FileResult& file, uint32_t offset, ColumnUnit unit) {
  LineColumn position = file.lines.lineColumn(offset);
  std::string_view lineText = file.lines.lineText(file.text, position.line);
  std::string_view before = lineText.substr(0, position.column);
  uint32_t column = countCodePoints(before);
  if (unit == ColumnUnit::Utf16CodeUnits) {
    // Code points past U+FFFF (four UTF-8 bytes, lead byte 0xF0 and up) take two UTF-16 units.
    column += static_cast<uint32_t>(std::count_if(before.begin(), before.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0xF0;
    }));
  }
  uint32_t cell = 0;
  if (file.notebook) {
    if (auto span = file.notebook->layout.spanHolding({offset, offset})) {
      position.line -= file.notebook->layout.firstLine(*span, file.lines);
      cell = file.notebook->layout.spans()[*span].cell + 1;
    }
  }
  return {position.line + 1, column + 1, cell};
}

}  // namespace perfhint::cli
