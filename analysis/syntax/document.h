// A Python source file: its text, line index and tree-sitter tree, kept in step under edits.
#pragma once

#include "analysis/syntax/byte_range.h"   // edit ranges
#include "analysis/syntax/line_index.h"   // offset <-> line/column
#include "analysis/syntax/tree_sitter.h"  // the tree

#include <functional>  // cancellation predicate
#include <string>
#include <string_view>

namespace perfhint {

/// Owns the text and its syntax tree. An edit updates the tree with ts_tree_edit and reparses
/// incrementally, so unchanged subtrees are reused.
/// Not thread-safe; the parser passed in must not be used by another thread meanwhile.
class Document {
 public:
  /// Parses `text` from scratch.
  Document(std::string text, TSParser& parser);
  /// Takes a tree already parsed from exactly `text`.
  Document(std::string text, syntax::TreePtr tree);

  const std::string& text() const { return text_; }
  const LineIndex& lines() const { return lines_; }
  TSTree* tree() const { return tree_.get(); }
  TSNode root() const { return ts_tree_root_node(tree_.get()); }
  bool hasSyntaxErrors() const { return ts_node_has_error(root()); }

  /// The source text a node spans; empty for a null node (an absent optional field).
  std::string_view text(TSNode node) const {
    if (ts_node_is_null(node)) return {};
    return std::string_view(text_).substr(ts_node_start_byte(node),
                                          ts_node_end_byte(node) - ts_node_start_byte(node));
  }
  std::string_view text(ByteRange range) const {
    return std::string_view(text_).substr(range.start, range.length());
  }

  /// Replaces `range` (clamped to the text) with `newText` and reparses incrementally.
  void applyEdit(ByteRange range, std::string_view newText, TSParser& parser);

  /// Replaces `range` (clamped) with `newText` and records the edit in the tree without
  /// reparsing, so a burst of edits costs one reparse. Until reparse() succeeds, isParsed() is
  /// false and the tree must not be read.
  void editText(ByteRange range, std::string_view newText);

  /// Reparses incrementally after editText(). `shouldCancel` (if given) is polled while parsing;
  /// when it returns true the parse stops, the edited old tree is kept for the next attempt, and
  /// reparse returns false.
  bool reparse(TSParser& parser, const std::function<bool()>& shouldCancel = {});

  bool isParsed() const { return parsed_; }

 private:
  TSPoint pointAt(uint32_t offset) const;

  std::string text_;
  LineIndex lines_;
  syntax::TreePtr tree_;
  bool parsed_ = true;
};

/// Byte range a node spans.
inline ByteRange rangeOf(TSNode node) {
  return {ts_node_start_byte(node), ts_node_end_byte(node)};
}

}  // namespace perfhint
