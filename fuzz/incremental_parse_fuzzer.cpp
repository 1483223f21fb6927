// Fuzz target: a text and a sequence of edits, applied to a Document one by one (each reparsed
// incrementally, or several recorded and reparsed at once, as the server does after a burst of
// changes). The result must equal a fresh parse of the final text: same text, same tree, same
// findings.
#include "analysis/engine/analyzer.h"  // analyze
#include "analysis/rules/rule.h"       // RuleInfo::code for messages
#include "analysis/syntax/document.h"  // the incremental edits under test
#include "fuzz/fuzz_check.h"

#include <fuzzer/FuzzedDataProvider.h>  // splits the input into text, offsets and insertions

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

using namespace perfhint;

namespace {

constexpr int kMaxEdits = 24;

/// The tree in tree-sitter's S-expression form plus every node's byte range, which the
/// S-expression leaves out.
std::string describeTree(TSNode node) {
  std::string out;
  struct Walker {
    std::string& out;
    void walk(TSNode n) {
      out += ts_node_type(n);
      out += '[' + std::to_string(ts_node_start_byte(n)) + ',' +
             std::to_string(ts_node_end_byte(n)) + (ts_node_is_missing(n) ? "]M(" : "](");
      for (uint32_t i = 0; i < ts_node_child_count(n); ++i) walk(ts_node_child(n, i));
      out += ')';
    }
  } walker{out};
  walker.walk(node);
  return out;
}

std::string describeFindings(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& finding : findings) {
    out += std::string(finding.rule->code) + ' ' + std::to_string(finding.range.start) + '-' +
           std::to_string(finding.range.end) + ' ' + finding.message + ' ' +
           std::to_string(static_cast<int>(finding.severity));
    if (finding.fix) {
      for (const FixEdit& edit : finding.fix->edits) {
        out += " [" + std::to_string(edit.range.start) + '-' + std::to_string(edit.range.end) +
               ':' + edit.replacement + ']';
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const syntax::ParserPtr parser = syntax::makePythonParser();
  static const RuleSelection everyRule;
  FuzzedDataProvider input(data, size);

  std::string expected = input.ConsumeRandomLengthString(size);
  Document document(expected, *parser);
  for (int i = 0; i < kMaxEdits && input.remaining_bytes() > 0; ++i) {
    // Offsets may point past the end: Document clamps them, and so does this mirror of the edit.
    auto start =
        input.ConsumeIntegralInRange<uint32_t>(0, static_cast<uint32_t>(expected.size()) + 2);
    auto length = input.ConsumeIntegralInRange<uint32_t>(0, 16);
    const bool reparseNow = input.ConsumeBool();
    const std::string insertion = input.ConsumeRandomLengthString(32);

    const ByteRange range{start, start + length};
    const auto textSize = static_cast<uint32_t>(expected.size());
    const uint32_t end = std::min(range.end, textSize);
    const uint32_t begin = std::min(range.start, end);
    expected.replace(begin, end - begin, insertion);
    if (reparseNow) {
      document.applyEdit(range, insertion, *parser);
    } else {
      document.editText(range, insertion);
    }
  }
  fuzz::check(document.reparse(*parser), "a reparse without cancellation completes");
  fuzz::check(document.text() == expected, "the edited text is the text the edits describe");

  const Document fresh(expected, *parser);
  const std::string incrementalTree = describeTree(document.root());
  const std::string freshTree = describeTree(fresh.root());
  fuzz::check(
      incrementalTree == freshTree, "an incremental parse gives the tree a fresh one does",
      expected + "\n--- incremental ---\n" + incrementalTree + "\n--- fresh ---\n" + freshTree);
  const std::string incrementalFindings = describeFindings(analyze(document, everyRule));
  const std::string freshFindings = describeFindings(analyze(fresh, everyRule));
  fuzz::check(incrementalFindings == freshFindings,
              "an incrementally parsed document gives the findings of a fresh parse",
              expected + "\n--- incremental ---\n" + incrementalFindings + "\n--- fresh ---\n" +
                  freshFindings);
  return 0;
}
