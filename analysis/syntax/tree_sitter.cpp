#include "analysis/syntax/tree_sitter.h"

#include <unordered_map>

namespace perfhint::syntax {

const TSLanguage* pythonLanguage() {
  return tree_sitter_python();
}

TSFieldId pythonFieldId(std::string_view field) {
  static const std::unordered_map<std::string_view, TSFieldId> ids = [] {
    std::unordered_map<std::string_view, TSFieldId> table;
    const TSLanguage* language = pythonLanguage();
    for (TSFieldId id = 1, count = static_cast<TSFieldId>(ts_language_field_count(language));
         id <= count; ++id) {
      table.emplace(ts_language_field_name_for_id(language, id), id);
    }
    return table;
  }();
  auto found = ids.find(field);
  return found == ids.end() ? 0 : found->second;
}

ParserPtr makePythonParser() {
  ParserPtr parser(ts_parser_new());
  ts_parser_set_language(parser.get(), pythonLanguage());
  return parser;
}

}  // namespace perfhint::syntax
