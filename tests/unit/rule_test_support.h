// Helpers for rule unit tests: annotated Python snippets and running one rule over them.
//
// Snippets mark the expected range of a finding with « and ». (clangd's tests use [[ ]] and ^,
// but `[[` and `^` are ordinary Python: nested lists and xor.)
#pragma once

#include "analysis/engine/analyzer.h"
#include "analysis/fix/apply_fixes.h"

#include <string>
#include <string_view>
#include <vector>

namespace perfhint::testing {

struct AnnotatedSource {
  std::string text;               ///< the snippet without markers
  std::vector<ByteRange> ranges;  ///< each «...», in order of appearance
};

inline AnnotatedSource annotate(std::string_view marked) {
  static constexpr std::string_view kOpen = "«", kClose = "»";
  AnnotatedSource result;
  std::vector<uint32_t> open;
  for (size_t at = 0; at < marked.size();) {
    if (marked.substr(at, kOpen.size()) == kOpen) {
      open.push_back(static_cast<uint32_t>(result.text.size()));
      at += kOpen.size();
    } else if (marked.substr(at, kClose.size()) == kClose) {
      result.ranges.push_back({open.back(), static_cast<uint32_t>(result.text.size())});
      open.pop_back();
      at += kClose.size();
    } else {
      result.text += marked[at++];
    }
  }
  return result;
}

/// Findings of the one rule `code` in `text`.
inline std::vector<Finding> findingsOf(std::string_view code, const std::string& text) {
  std::string error;
  auto selection = RuleSelection::fromPatterns({std::string(code)}, {}, error);
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document(text, *parser);
  return analyze(document, *selection);
}

/// Ranges of the findings of `code` in `text`.
inline std::vector<ByteRange> rangesOf(std::string_view code, const std::string& text) {
  std::vector<ByteRange> ranges;
  for (const Finding& finding : findingsOf(code, text)) ranges.push_back(finding.range);
  return ranges;
}

/// `text` after applying the fixes of `code` until none is left.
inline std::string fixedBy(std::string_view code, const std::string& text,
                           bool includeUnsafe = true) {
  std::string error;
  auto selection = RuleSelection::fromPatterns({std::string(code)}, {}, error);
  syntax::ParserPtr parser = syntax::makePythonParser();
  return fixUntilStable(text, *selection, includeUnsafe, *parser).text;
}

}  // namespace perfhint::testing
