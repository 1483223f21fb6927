#include "analysis/syntax/tree_sitter.h"

namespace perfhint::syntax {

const TSLanguage* pythonLanguage() {
  return tree_sitter_python();
}

ParserPtr makePythonParser() {
  ParserPtr parser(ts_parser_new());
  ts_parser_set_language(parser.get(), pythonLanguage());
  return parser;
}

}  // namespace perfhint::syntax
