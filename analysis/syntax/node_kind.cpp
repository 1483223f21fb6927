#include "analysis/syntax/node_kind.h"

#include <array>   // grammar names
#include <vector>  // symbol table

namespace perfhint {
namespace {

constexpr std::array<std::string_view, kNodeKindCount - 1> kGrammarNames = {
#define PERFHINT_NAME_ENTRY(name, grammarName) grammarName,
    PERFHINT_NODE_KINDS(PERFHINT_NAME_ENTRY)
#undef PERFHINT_NAME_ENTRY
};

// Built once: a grammar has a few hundred symbols, several of which may share a name (aliases).
std::vector<NodeKind> buildSymbolTable() {
  const TSLanguage* language = syntax::pythonLanguage();
  uint32_t count = ts_language_symbol_count(language);
  std::vector<NodeKind> table(count, NodeKind::Other);
  for (TSSymbol symbol = 0; symbol < count; ++symbol) {
    if (ts_language_symbol_type(language, symbol) != TSSymbolTypeRegular) continue;
    std::string_view name = ts_language_symbol_name(language, symbol);
    for (size_t kind = 0; kind < kGrammarNames.size(); ++kind) {
      if (kGrammarNames[kind] == name) table[symbol] = static_cast<NodeKind>(kind);
    }
  }
  return table;
}

}  // namespace

NodeKind nodeKindOf(TSNode node) {
  static const std::vector<NodeKind> table = buildSymbolTable();
  TSSymbol symbol = ts_node_symbol(node);
  return symbol < table.size() ? table[symbol] : NodeKind::Other;
}

std::string_view grammarName(NodeKind kind) {
  auto index = static_cast<size_t>(kind);
  return index < kGrammarNames.size() ? kGrammarNames[index] : std::string_view{};
}

}  // namespace perfhint
