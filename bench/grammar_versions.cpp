// perfhint-grammar-bench: the pinned Python grammar (tree-sitter-python 0.23.6, ABI 14)
// against 0.25.0 (ABI 15) on the same corpus, under the same runtime. It measures what decides
// the choice for an editor: full-parse throughput, the reparse after typing one letter into an
// identifier (what an LSP does on every keystroke), and whether both grammars see the same
// trees and errors on real code.
//
// Texts are held in memory: no file reading is timed. Times are CPU time of the one thread that
// parses (see timing.h). Usage:
//   perfhint-grammar-bench [--repeat=N] [PATH...]
#include "analysis/syntax/line_index.h"   // edit points
#include "analysis/syntax/tree_sitter.h"  // RAII, the pinned grammar
#include "bench/corpus.h"                 // the files
#include "bench/edit_sites.h"             // where to edit
#include "bench/timing.h"                 // best of, median

#include <fmt/format.h>  // output, join

#include <algorithm>
#include <array>
#include <cstdlib>  // atoi, free
#include <string>
#include <string_view>
#include <vector>

// tree-sitter-python 0.25.0, built by bench/CMakeLists.txt with its symbols renamed.
extern "C" const TSLanguage* tree_sitter_python_v025(void);

namespace perfhint::bench {
namespace {

constexpr size_t kIncrementalFiles = 10;
constexpr size_t kMinIdentifiers = 1000;
constexpr size_t kEditSites = 40;  // per file, each edited twice: insert, then delete

struct Grammar {
  std::string_view version;
  const TSLanguage* language;
  syntax::ParserPtr parser;
};

Grammar makeGrammar(std::string_view version, const TSLanguage* language) {
  syntax::ParserPtr parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), language)) {
    fmt::print(stderr, "grammar {} (ABI {}) is not supported by this tree-sitter runtime\n",
               version, ts_language_abi_version(language));
    std::exit(1);
  }
  return {version, language, std::move(parser)};
}

syntax::TreePtr parse(Grammar& grammar, const std::string& text, const TSTree* old = nullptr) {
  return syntax::TreePtr(ts_parser_parse_string(grammar.parser.get(), old, text.data(),
                                                static_cast<uint32_t>(text.size())));
}

struct TreeCounts {
  uint64_t nodes = 0;
  uint64_t errors = 0;   // ERROR nodes
  uint64_t missing = 0;  // MISSING nodes inserted by error recovery
};

TreeCounts countNodes(TSNode root) {
  TreeCounts counts;
  counts.nodes = ts_node_descendant_count(root);
  if (!ts_node_has_error(root)) return counts;
  syntax::TreeCursor cursor(root);
  while (true) {
    TSNode node = cursor.node();
    counts.errors += ts_node_is_error(node);
    counts.missing += ts_node_is_missing(node);
    if (ts_node_has_error(node) && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return counts;
    }
  }
}

std::string sexpOf(TSNode node) {
  char* raw = ts_node_string(node);
  std::string result(raw);
  std::free(raw);
  return result;
}

// One edit: bytes [start, oldEnd) become [start, newEnd), all on one line.
TSInputEdit editOnLine(const LineIndex& lines, uint32_t start, uint32_t oldEnd, uint32_t newEnd) {
  LineColumn at = lines.lineColumn(start);
  TSInputEdit edit{};
  edit.start_byte = start;
  edit.old_end_byte = oldEnd;
  edit.new_end_byte = newEnd;
  edit.start_point = {at.line, at.column};
  edit.old_end_point = {at.line, at.column + (oldEnd - start)};
  edit.new_end_point = {at.line, at.column + (newEnd - start)};
  return edit;
}

// Reparse times, in microseconds, of one-letter edits inside identifiers.
struct EditMicros {
  /// A letter inserted into a freshly parsed file: the first keystroke after opening it.
  std::vector<double> first;
  /// Typing on: at each offset in turn a letter inserted, then deleted, each edit applied to the
  /// tree that the previous reparse gave.
  std::vector<double> later;
};

// The text changes before the clock starts: only ts_tree_edit and the reparse are timed.
EditMicros identifierEditMicros(Grammar& grammar, std::string text,
                                const std::vector<uint32_t>& offsets) {
  EditMicros micros;
  LineIndex lines(text);
  syntax::TreePtr tree;
  auto reparse = [&](const TSInputEdit& edit, std::vector<double>& into) {
    into.push_back(1e6 * secondsOf([&] {
                     ts_tree_edit(tree.get(), &edit);
                     tree = parse(grammar, text, tree.get());
                   }));
  };
  for (uint32_t offset : offsets) {
    tree = parse(grammar, text);
    text.insert(offset, 1, 'x');
    reparse(editOnLine(lines, offset, offset, offset + 1), micros.first);
    text.erase(offset, 1);
  }
  tree = parse(grammar, text);
  for (uint32_t offset : offsets) {
    text.insert(offset, 1, 'x');
    reparse(editOnLine(lines, offset, offset, offset + 1), micros.later);
    text.erase(offset, 1);
    reparse(editOnLine(lines, offset, offset + 1, offset), micros.later);
  }
  return micros;
}

double percentile(std::vector<double> samples, double fraction) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  return samples[static_cast<size_t>(fraction * static_cast<double>(samples.size() - 1))];
}

int run(int argc, char** argv) {
  int repeats = 3;
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--repeat=")) {
      repeats = std::max(1, std::atoi(argv[i] + 9));
    } else if (arg == "-h" || arg == "--help") {
      fmt::print("usage: perfhint-grammar-bench [--repeat=N] [PATH...]  (default: {})\n",
                 kDefaultCorpus);
      return 0;
    } else {
      roots.emplace_back(arg);
    }
  }
  if (roots.empty()) roots.emplace_back(kDefaultCorpus);
  Corpus corpus = loadCorpus(roots);
  if (corpus.files.empty()) {
    fmt::print(stderr, "perfhint-grammar-bench: no Python files under the given paths\n");
    return 1;
  }

  std::array<Grammar, 2> grammars = {makeGrammar("0.23.6", syntax::pythonLanguage()),
                                     makeGrammar("0.25.0", tree_sitter_python_v025())};
  fmt::print("Corpus: {}\n", fmt::join(roots, " "));
  fmt::print("  {} files ({} skipped: not UTF-8 text), {} lines, {:.2f} MB\n", corpus.files.size(),
             corpus.skipped, corpus.lines, static_cast<double>(corpus.bytes) / 1e6);
  fmt::print("  full parse: best of {} runs; load average {:.1f}\n\n", repeats, loadAverage());

  // Full parses, the grammars taking turns so that both see the same machine state.
  std::array<double, 2> parseSeconds = {1e30, 1e30};
  for (int round = 0; round < repeats; ++round) {
    for (size_t g = 0; g < grammars.size(); ++g) {
      parseSeconds[g] = std::min(parseSeconds[g], secondsOf([&] {
                                   for (const CorpusFile& file : corpus.files)
                                     parse(grammars[g], file.text);
                                 }));
    }
  }

  // Trees on the whole corpus.
  std::array<TreeCounts, 2> totals;
  std::array<size_t, 2> filesWithErrors{};
  size_t sameNodeCount = 0, sameTree = 0;
  std::vector<std::string> disagreements;
  for (const CorpusFile& file : corpus.files) {
    std::array<syntax::TreePtr, 2> trees = {parse(grammars[0], file.text),
                                            parse(grammars[1], file.text)};
    std::array<TreeCounts, 2> counts;
    for (size_t g = 0; g < 2; ++g) {
      counts[g] = countNodes(ts_tree_root_node(trees[g].get()));
      totals[g].nodes += counts[g].nodes;
      totals[g].errors += counts[g].errors;
      totals[g].missing += counts[g].missing;
      filesWithErrors[g] += (counts[g].errors + counts[g].missing) > 0;
    }
    if (counts[0].nodes == counts[1].nodes) {
      ++sameNodeCount;
    } else {
      disagreements.push_back(
          fmt::format("{} ({} vs {} nodes)", file.path, counts[0].nodes, counts[1].nodes));
    }
    sameTree +=
        sexpOf(ts_tree_root_node(trees[0].get())) == sexpOf(ts_tree_root_node(trees[1].get()));
  }

  // Identifier edits in the largest files that hold enough code.
  std::vector<const CorpusFile*> bySize;
  for (const CorpusFile& file : corpus.files) bySize.push_back(&file);
  std::sort(bySize.begin(), bySize.end(), [](const CorpusFile* a, const CorpusFile* b) {
    return a->text.size() > b->text.size();
  });
  std::array<EditMicros, 2> edits;
  std::array<std::vector<double>, 2> freshMicros;
  std::vector<std::string> perFile;  // one line per edited file
  for (const CorpusFile* file : bySize) {
    if (perFile.size() == kIncrementalFiles) break;
    syntax::TreePtr tree = parse(grammars[0], file->text);
    std::vector<uint32_t> starts = identifierStarts(ts_tree_root_node(tree.get()));
    if (starts.size() < kMinIdentifiers) continue;
    std::vector<uint32_t> offsets = editOffsetsMidFile(starts, kEditSites);
    std::array<EditMicros, 2> fileEdits;
    for (size_t g = 0; g < grammars.size(); ++g) {
      fileEdits[g] = identifierEditMicros(grammars[g], file->text, offsets);
      for (auto part : {&EditMicros::first, &EditMicros::later}) {
        (edits[g].*part)
            .insert((edits[g].*part).end(), (fileEdits[g].*part).begin(),
                    (fileEdits[g].*part).end());
      }
      freshMicros[g].push_back(1e6 * secondsOf([&] { parse(grammars[g], file->text); }));
    }
    auto ratio = [&](std::vector<double> EditMicros::*part) {
      double pinned = median(fileEdits[0].*part), candidate = median(fileEdits[1].*part);
      return fmt::format("{:>8.0f} {:>8.0f} {:>5.1f}x", pinned, candidate, candidate / pinned);
    };
    perFile.push_back(fmt::format("  {:<30} {:>5.0f}  {} {}", pathUnderRoot(file->path, roots),
                                  static_cast<double>(file->text.size()) / 1e3,
                                  ratio(&EditMicros::first), ratio(&EditMicros::later)));
  }

  auto row = [](std::string_view label, const std::string& first, const std::string& second) {
    fmt::print("  {:<48} {:>16} {:>16}\n", label, first, second);
  };
  auto both = [&](std::string_view label, auto value, std::string_view format) {
    row(label, fmt::format(fmt::runtime(format), value(0)),
        fmt::format(fmt::runtime(format), value(1)));
  };
  row("tree-sitter-python",
      fmt::format("{} (ABI {})", grammars[0].version,
                  ts_language_abi_version(grammars[0].language)),
      fmt::format("{} (ABI {})", grammars[1].version,
                  ts_language_abi_version(grammars[1].language)));
  both(
      "full parse, MB/s",
      [&](size_t g) { return static_cast<double>(corpus.bytes) / 1e6 / parseSeconds[g]; },
      "{:.2f}");
  both(
      "fresh parse of an edited file, median µs", [&](size_t g) { return median(freshMicros[g]); },
      "{:.0f}");
  both(
      "first identifier edit after a parse, median µs",
      [&](size_t g) { return median(edits[g].first); }, "{:.1f}");
  both(
      "later identifier edits, median µs", [&](size_t g) { return median(edits[g].later); },
      "{:.1f}");
  both(
      "later identifier edits, 90th percentile µs",
      [&](size_t g) { return percentile(edits[g].later, 0.9); }, "{:.1f}");
  both(
      "nodes", [&](size_t g) { return totals[g].nodes; }, "{}");
  both(
      "ERROR nodes", [&](size_t g) { return totals[g].errors; }, "{}");
  both(
      "MISSING nodes", [&](size_t g) { return totals[g].missing; }, "{}");
  both(
      "files with ERROR or MISSING nodes", [&](size_t g) { return filesWithErrors[g]; }, "{}");
  fmt::print("  files with the same node count: {} of {}; identical trees: {} of {}\n",
             sameNodeCount, corpus.files.size(), sameTree, corpus.files.size());
  for (size_t i = 0; i < std::min<size_t>(disagreements.size(), 10); ++i) {
    fmt::print("    differs: {}\n", disagreements[i]);
  }
  if (disagreements.size() > 10) fmt::print("    ... and {} more\n", disagreements.size() - 10);

  fmt::print("\nIdentifier edits in the {} largest files with code ({} per file first, {} later)\n",
             perFile.size(), kEditSites, 2 * kEditSites);
  fmt::print(
      "  0.25.0 takes {:.1f}x the time of 0.23.6 for a first edit, {:.1f}x for later edits\n",
      median(edits[1].first) / median(edits[0].first),
      median(edits[1].later) / median(edits[0].later));
  fmt::print("  {:<36} {:<25} {}\n", "", "first edit", "later edits");
  fmt::print("  {:<30} {:>5} {:>9} {:>8} {:>6} {:>9} {:>8} {:>6}\n", "median µs per file", "KB",
             "0.23.6", "0.25.0", "ratio", "0.23.6", "0.25.0", "ratio");
  for (const std::string& line : perFile) fmt::print("{}\n", line);
  return 0;
}

}  // namespace
}  // namespace perfhint::bench

int main(int argc, char** argv) {
  return perfhint::bench::run(argc, argv);
}
