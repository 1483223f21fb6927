// The tree-sitter parser of the calling worker thread (parsers are not thread-safe).
#pragma once

#include "analysis/syntax/tree_sitter.h"

namespace perfhint::lsp {

inline TSParser& workerParser() {
  thread_local syntax::ParserPtr parser = syntax::makePythonParser();
  return *parser;
}

}  // namespace perfhint::lsp
