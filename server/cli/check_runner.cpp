#include "server/cli/check_runner.h"

#include "analysis/engine/analyzer.h"     // analyze
#include "analysis/fix/apply_fixes.h"     // fixUntilStable
#include "analysis/syntax/tree_sitter.h"  // a parser per thread
#include "server/cli/source_file.h"       // loadSource

#include <atomic>
#include <thread>

namespace perfhint::cli {
namespace {

void checkOne(const std::string& path, const CheckOptions& options, TSParser& parser,
              FileResult& result) {
  result.path = path;
  LoadedSource source = loadSource(path);
  if (!source.text) {
    result.error = std::move(source.error);
    return;
  }
  result.originalText = std::move(*source.text);
  if (options.fixMode == FixMode::Off) {
    result.text = result.originalText;
    Document document(result.text, parser);
    result.findings = analyze(document, options.selection);
  } else {
    FixOutcome outcome =
        fixUntilStable(result.originalText, options.selection, options.unsafeFixes, parser);
    result.text = std::move(outcome.text);
    result.findings = std::move(outcome.remaining);
    result.fixesApplied = outcome.applied;
  }
  result.lines = LineIndex(result.text);
}

}  // namespace

std::vector<FileResult> runCheck(const std::vector<std::string>& files, const CheckOptions& options) {
  std::vector<FileResult> results(files.size());
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<size_t>(files.size(), 1)));

  // Workers take the next file index until none is left; results land in their own slots.
  std::atomic<size_t> next{0};
  auto work = [&] {
    syntax::ParserPtr parser = syntax::makePythonParser();
    for (size_t i = next++; i < files.size(); i = next++) {
      checkOne(files[i], options, *parser, results[i]);
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

DisplayPosition displayPosition(const FileResult& file, uint32_t offset) {
  LineColumn position = file.lines.lineColumn(offset);
  std::string_view lineText = file.lines.lineText(file.text, position.line);
  uint32_t column = countCodePoints(lineText.substr(0, position.column));
  return {position.line + 1, column + 1};
}

}  // namespace perfhint::cli
