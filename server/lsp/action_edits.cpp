#include "server/lsp/action_edits.h"

#include "analysis/engine/suppression.h"  // parseNoqa
#include "analysis/fix/apply_fixes.h"     // fixUntilStable
#include "server/lsp/convert.h"           // positions

#include <algorithm>

namespace perfhint::lsp {

std::optional<protocol::TextEdit> fixAllEdit(const Document& document,
                                             const RuleSelection& selection, bool includeUnsafe,
                                             TSParser& parser, protocol::PositionEncoding encoding,
                                             const AnalysisOptions& options) {
  FixOutcome outcome = fixUntilStable(document.text(), selection, includeUnsafe, parser, options);
  if (outcome.applied == 0 || outcome.text == document.text()) return std::nullopt;
  return wholeDocumentEdit(document, outcome.text, encoding);
}

std::optional<protocol::TextEdit> noqaEdit(const Document& document, uint32_t line,
                                           std::string_view code,
                                           protocol::PositionEncoding encoding) {
  if (line >= document.lines().lineCount()) return std::nullopt;
  std::string_view text = document.lines().lineText(document.text(), line);
  uint32_t lineStart = document.lines().lineStart(line);
  uint32_t lineEnd = lineStart + static_cast<uint32_t>(text.size());

  // The comment that ends this line, if any, found in the tree rather than by looking for '#',
  // which may sit inside a string.
  TSNode last = ts_node_descendant_for_byte_range(
      document.root(), lineEnd > lineStart ? lineEnd - 1 : lineEnd, lineEnd);
  std::string_view lastType = syntax::nodeType(last);
  if (lastType == "comment") {
    std::string_view comment = document.text(last);
    bool all = false;
    std::vector<std::string_view> codes;
    if (parseNoqa(comment, all, codes)) {
      if (all || std::find(codes.begin(), codes.end(), code) != codes.end()) return std::nullopt;
      // Extend the list after its last code.
      uint32_t insertAt =
          static_cast<uint32_t>(codes.back().data() + codes.back().size() - document.text().data());
      protocol::Position at = toPosition(document, insertAt, encoding);
      return protocol::TextEdit{{at, at}, ", " + std::string(code)};
    }
    protocol::Position end = toPosition(document, lineEnd, encoding);
    return protocol::TextEdit{{end, end}, "  # noqa: " + std::string(code)};
  }
  // A string that goes on past this line, or an explicit continuation, cannot take a comment.
  for (TSNode node = last; !ts_node_is_null(node); node = ts_node_parent(node)) {
    std::string_view type = syntax::nodeType(node);
    if ((type == "string" || type == "string_content") && ts_node_end_byte(node) > lineEnd)
      return std::nullopt;
    if (type == "module") break;
  }
  if (!text.empty() && text.back() == '\\') return std::nullopt;
  protocol::Position end = toPosition(document, lineEnd, encoding);
  return protocol::TextEdit{{end, end}, "  # noqa: " + std::string(code)};
}

}  // namespace perfhint::lsp
