#include "analysis/syntax/document.h"

#include <algorithm>  // min
#include <stdexcept>  // runtime_error

namespace perfhint {
namespace {

syntax::TreePtr parse(TSParser& parser, const TSTree* oldTree, const std::string& text) {
  syntax::TreePtr tree(
      ts_parser_parse_string(&parser, oldTree, text.data(), static_cast<uint32_t>(text.size())));
  // Only fails when cancelled or without a language, neither of which this path allows.
  if (!tree) throw std::runtime_error("tree-sitter failed to parse the document");
  return tree;
}

}  // namespace

Document::Document(std::string text, TSParser& parser)
    : text_(std::move(text)), lines_(text_), tree_(parse(parser, nullptr, text_)) {}

Document::Document(std::string text, syntax::TreePtr tree)
    : text_(std::move(text)), lines_(text_), tree_(std::move(tree)) {}

TSPoint Document::pointAt(uint32_t offset) const {
  LineColumn position = lines_.lineColumn(offset);
  return {position.line, position.column};
}

void Document::applyEdit(ByteRange range, std::string_view newText, TSParser& parser) {
  editText(range, newText);
  reparse(parser);
}

void Document::editText(ByteRange range, std::string_view newText) {
  auto size = static_cast<uint32_t>(text_.size());
  range.end = std::min(range.end, size);
  range.start = std::min(range.start, range.end);

  TSInputEdit edit{};
  edit.start_byte = range.start;
  edit.old_end_byte = range.end;
  edit.new_end_byte = range.start + static_cast<uint32_t>(newText.size());
  edit.start_point = pointAt(range.start);
  edit.old_end_point = pointAt(range.end);

  text_.replace(range.start, range.length(), newText);
  lines_ = LineIndex(text_);
  edit.new_end_point = pointAt(edit.new_end_byte);

  ts_tree_edit(tree_.get(), &edit);
  parsed_ = false;
}

bool Document::reparse(TSParser& parser, const std::function<bool()>& shouldCancel) {
  if (parsed_) return true;
  if (!shouldCancel) {
    tree_ = parse(parser, tree_.get(), text_);
    parsed_ = true;
    return true;
  }
  TSInput input{};
  input.payload = this;
  input.encoding = TSInputEncodingUTF8;
  input.read = [](void* payload, uint32_t byte, TSPoint, uint32_t* bytesRead) -> const char* {
    const std::string& text = static_cast<Document*>(payload)->text_;
    if (byte >= text.size()) {
      *bytesRead = 0;
      return "";
    }
    *bytesRead = static_cast<uint32_t>(text.size() - byte);
    return text.data() + byte;
  };
  TSParseOptions options{};
  options.payload = const_cast<std::function<bool()>*>(&shouldCancel);
  options.progress_callback = [](TSParseState* state) -> bool {
    return (*static_cast<std::function<bool()>*>(state->payload))();
  };
  TSTree* tree = ts_parser_parse_with_options(&parser, tree_.get(), input, options);
  if (!tree) {
    // Cancelled: the parser keeps partial state that must not leak into an unrelated parse.
    ts_parser_reset(&parser);
    return false;
  }
  tree_.reset(tree);
  parsed_ = true;
  return true;
}

}  // namespace perfhint
