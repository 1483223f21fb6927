// perfhint-bench: what a check costs compared with parsing alone, on a corpus of Python files
// (the standard library by default, or the paths given).
//
//   (a) read + parse: every file read from disk and parsed (Document: tree and line index).
//   (b) full check, one thread: (a) plus the semantic model and every rule (analyze()).
//   (c) full check with one thread per core, as `perfhint check` runs it (runCheck()).
//   (d) for a few large files: one letter inserted into (or removed from) an identifier in the
//       middle of the file, with Document::applyEdit (text, line index, incremental reparse),
//       against a fresh parse of the whole file.
//
// (a) to (c) take the best of several runs. (a), (b) and (d) run on one thread and are timed in
// that thread's CPU time; (c) on the wall clock (see timing.h). Files that are not UTF-8 text
// are skipped and counted. Usage: perfhint-bench [--repeat=N] [PATH...]
#include "analysis/engine/analyzer.h"  // analyze
#include "analysis/rules/registry.h"   // how many rules run
#include "analysis/syntax/document.h"  // parse
#include "bench/corpus.h"              // the files
#include "bench/edit_sites.h"          // where (d) edits
#include "bench/timing.h"              // best of, median
#include "server/cli/check_runner.h"   // (c): the parallel check
#include "server/cli/source_file.h"    // reading as the check does

#include <fmt/format.h>  // output, join

#include <algorithm>
#include <cstdlib>  // atoi
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace perfhint::bench {
namespace {

constexpr size_t kIncrementalFiles = 5;
constexpr size_t kMinIdentifiers = 1000;  // files with fewer are mostly strings or data
constexpr size_t kEditSites = 40;
constexpr int kFreshParses = 15;

struct Throughput {
  double seconds = 0;
  size_t results = 0;  // something the run produced, printed so the work cannot be skipped
};

double megabytes(uint64_t bytes) {
  return static_cast<double>(bytes) / 1e6;
}

void printRow(std::string_view label, double seconds, uint64_t bytes) {
  fmt::print("  {:<50} {:>8.3f} s {:>8.2f} MB/s\n", label, seconds, megabytes(bytes) / seconds);
}

// (d) for one file: median microseconds of a fresh parse, of the first identifier edit after
// it, and of later edits (each on the document the previous edit left).
struct EditTiming {
  double freshMicros = 0;
  double firstEditMicros = 0;
  double laterEditMicros = 0;
};

EditTiming timeIdentifierEdits(const std::string& text, const std::vector<uint32_t>& offsets,
                               TSParser& parser) {
  EditTiming timing;
  std::vector<double> fresh, first, later;
  for (int i = 0; i < kFreshParses; ++i) {
    std::string copy = text;
    fresh.push_back(secondsOf([&] { Document document(std::move(copy), parser); }));
  }
  for (uint32_t offset : offsets) {
    Document document(text, parser);
    first.push_back(secondsOf([&] { document.applyEdit({offset, offset}, "x", parser); }));
  }
  Document document(text, parser);
  for (uint32_t offset : offsets) {
    later.push_back(secondsOf([&] { document.applyEdit({offset, offset}, "x", parser); }));
    later.push_back(secondsOf([&] { document.applyEdit({offset, offset + 1}, "", parser); }));
  }
  timing.freshMicros = median(fresh) * 1e6;
  timing.firstEditMicros = median(first) * 1e6;
  timing.laterEditMicros = median(later) * 1e6;
  return timing;
}

int run(int argc, char** argv) {
  int repeats = 3;
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--repeat=")) {
      repeats = std::max(1, std::atoi(argv[i] + 9));
    } else if (arg == "-h" || arg == "--help") {
      fmt::print("usage: perfhint-bench [--repeat=N] [PATH...]  (default: {})\n", kDefaultCorpus);
      return 0;
    } else {
      roots.emplace_back(arg);
    }
  }
  if (roots.empty()) roots.emplace_back(kDefaultCorpus);

  Corpus corpus = loadCorpus(roots);
  if (corpus.files.empty()) {
    fmt::print(stderr, "perfhint-bench: no Python files under the given paths\n");
    return 1;
  }
  std::vector<std::string> paths = corpus.paths();
  syntax::ParserPtr parser = syntax::makePythonParser();
  RuleSelection everyRule;

  fmt::print("Corpus: {}\n", fmt::join(roots, " "));
  fmt::print("  {} files ({} skipped: not UTF-8 text), {} lines, {:.2f} MB\n", corpus.files.size(),
             corpus.skipped, corpus.lines, megabytes(corpus.bytes));
  fmt::print("  {} rules, best of {} runs, load average {:.1f} on {} cores\n\n", allRules().size(),
             repeats, loadAverage(), std::thread::hardware_concurrency());

  Throughput parse, check, parallel;
  parse.seconds = bestSecondsOf(repeats, [&] {
    parse.results = 0;
    for (const std::string& path : paths) {
      cli::LoadedSource source = cli::loadSource(path);
      if (!source.text) continue;  // changed since the corpus was loaded
      Document document(std::move(*source.text), *parser);
      parse.results += ts_node_child_count(document.root());
    }
  });
  check.seconds = bestSecondsOf(repeats, [&] {
    check.results = 0;
    for (const std::string& path : paths) {
      cli::LoadedSource source = cli::loadSource(path);
      if (!source.text) continue;  // changed since the corpus was loaded
      Document document(std::move(*source.text), *parser);
      check.results += analyze(document, everyRule).size();
    }
  });
  cli::CheckOptions options;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  parallel.seconds = bestSecondsOf(
      repeats,
      [&] {
        parallel.results = 0;
        for (const cli::FileResult& result : cli::runCheck(paths, options)) {
          parallel.results += result.findings.size();
        }
      },
      TimeSource::Wall);

  fmt::print("Throughput{:>53}{:>14}\n", "time", "speed");
  printRow("(a) read + parse, 1 thread (CPU time)", parse.seconds, corpus.bytes);
  printRow("(b) read + parse + model + rules, 1 thread (CPU)", check.seconds, corpus.bytes);
  printRow(fmt::format("(c) full check, {} threads (wall time)", threads), parallel.seconds,
           corpus.bytes);
  fmt::print("  (b)/(a) = {:.2f}: the model and rules add {:.0f}% to reading and parsing\n",
             check.seconds / parse.seconds, (check.seconds / parse.seconds - 1) * 100);
  fmt::print("  findings: {} (1 thread), {} ({} threads)\n\n", check.results, parallel.results,
             threads);

  // (d): the largest files with enough code to edit.
  std::vector<const CorpusFile*> bySize;
  for (const CorpusFile& file : corpus.files) bySize.push_back(&file);
  std::sort(bySize.begin(), bySize.end(), [](const CorpusFile* a, const CorpusFile* b) {
    return a->text.size() > b->text.size();
  });
  fmt::print(
      "(d) Identifier edit in a large file: Document::applyEdit (text, line index,\n"
      "    incremental reparse) against a fresh parse, median microseconds of CPU time\n");
  fmt::print("  {:<30} {:>5} {:>6} {:>12} {:>11} {:>11} {:>9}\n", "file", "KB", "lines",
             "fresh parse", "first edit", "later edit", "speed-up");
  size_t shown = 0;
  for (const CorpusFile* file : bySize) {
    if (shown == kIncrementalFiles) break;
    Document document(file->text, *parser);
    std::vector<uint32_t> starts = identifierStarts(document.root());
    if (starts.size() < kMinIdentifiers) continue;
    EditTiming timing =
        timeIdentifierEdits(file->text, editOffsetsMidFile(starts, kEditSites), *parser);
    fmt::print("  {:<30} {:>5.0f} {:>6} {:>12.0f} {:>11.0f} {:>11.0f} {:>8.0f}x\n",
               pathUnderRoot(file->path, roots), static_cast<double>(file->text.size()) / 1e3,
               file->lines, timing.freshMicros, timing.firstEditMicros, timing.laterEditMicros,
               timing.freshMicros / timing.laterEditMicros);
    ++shown;
  }
  fmt::print(
      "  first edit: one letter into an identifier of a freshly parsed file ({} places);\n"
      "  later edits: at each place in turn a letter inserted, then removed ({} edits);\n"
      "  speed-up: fresh parse / later edit\n",
      kEditSites, 2 * kEditSites);
  return 0;
}

}  // namespace
}  // namespace perfhint::bench

int main(int argc, char** argv) {
  return perfhint::bench::run(argc, argv);
}
