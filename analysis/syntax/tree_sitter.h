// The one place that owns tree-sitter objects: RAII handles for parser, tree and cursor, so no
// other file calls a ts_*_delete function.
#pragma once

#include <tree_sitter/api.h>  // the C API wrapped here

#include <memory>       // unique_ptr
#include <string_view>  // node_type

extern "C" const TSLanguage* tree_sitter_python(void);

namespace perfhint::syntax {

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};
struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};

using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

/// The Python grammar.
const TSLanguage* pythonLanguage();

/// A new parser set to the Python grammar. Parsers are not thread-safe: one per thread.
ParserPtr makePythonParser();

/// A tree cursor that deletes itself.
class TreeCursor {
 public:
  explicit TreeCursor(TSNode root) : cursor_(ts_tree_cursor_new(root)) {}
  ~TreeCursor() { ts_tree_cursor_delete(&cursor_); }
  TreeCursor(const TreeCursor&) = delete;
  TreeCursor& operator=(const TreeCursor&) = delete;

  TSTreeCursor* get() { return &cursor_; }
  TSNode node() const { return ts_tree_cursor_current_node(&cursor_); }
  bool gotoFirstChild() { return ts_tree_cursor_goto_first_child(&cursor_); }
  bool gotoNextSibling() { return ts_tree_cursor_goto_next_sibling(&cursor_); }
  bool gotoParent() { return ts_tree_cursor_goto_parent(&cursor_); }
  TSFieldId fieldId() const { return ts_tree_cursor_current_field_id(&cursor_); }

 private:
  TSTreeCursor cursor_;
};

/// The node's grammar type, e.g. "call"; empty for a null node (an absent optional field), which
/// tree-sitter itself would dereference.
inline std::string_view nodeType(TSNode node) {
  return ts_node_is_null(node) ? std::string_view() : ts_node_type(node);
}

/// The id of a field of the Python grammar (0 for none), from a table built once: tree-sitter
/// compares the name with every field name on each lookup, and rules ask for fields very often.
TSFieldId pythonFieldId(std::string_view field);

/// The child in the named field, or a null node.
inline TSNode childByField(TSNode node, std::string_view field) {
  if (ts_node_language(node) == pythonLanguage()) {
    return ts_node_child_by_field_id(node, pythonFieldId(field));
  }
  return ts_node_child_by_field_name(node, field.data(), static_cast<uint32_t>(field.size()));
}

}  // namespace perfhint::syntax
