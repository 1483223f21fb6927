#include "analysis/rules/support/loop_item.h"

#include "analysis/syntax/node_queries.h"  // variables, tree walks

#include <charconv>  // from_chars
#include <vector>

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

// The names a `for` statement or a comprehension's clauses bind on each pass.
std::vector<std::string_view> loopTargets(const LoopInfo& loop, const Document& document) {
  std::vector<std::string_view> names;
  auto addNames = [&](TSNode left) {
    forEachNode(left, [&](TSNode node) {
      if (nodeType(node) == "identifier") names.push_back(document.text(node));
    });
  };
  if (loop.kind == NodeKind::ForStatement) {
    addNames(childByField(loop.node, "left"));
  } else if (loop.kind != NodeKind::WhileStatement) {
    forEachNamedChild(loop.node, [&](TSNode clause) {
      if (nodeType(clause) == "for_in_clause") addNames(childByField(clause, "left"));
    });
  }
  return names;
}

// Loops over fewer items than this, written out, cost too little per pass to matter.
constexpr long kFewItems = 100;

// The iterable of a `for` statement, or of a comprehension's last clause (the one that repeats
// most); null for anything else.
TSNode iterableOf(TSNode loop) {
  std::string_view type = nodeType(loop);
  if (type == "for_statement") return childByField(loop, "right");
  TSNode iterable{};
  if (type == "while_statement") return iterable;
  forEachNamedChild(loop, [&](TSNode clause) {
    if (nodeType(clause) == "for_in_clause") iterable = childByField(clause, "right");
  });
  return iterable;
}

}  // namespace

bool runsFewTimes(TSNode loop, const Document& document) {
  TSNode iterable = iterableOf(loop);
  std::string_view type = nodeType(iterable);
  if (type == "list" || type == "tuple" || type == "set") return true;
  if (type != "call" || document.text(childByField(iterable, "function")) != "range") return false;
  TSNode arguments = childByField(iterable, "arguments");
  if (ts_node_named_child_count(arguments) != 1) return false;
  TSNode count = ts_node_named_child(arguments, 0);
  if (nodeType(count) != "integer") return false;
  std::string_view digits = document.text(count);
  long value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return error == std::errc() && end == digits.data() + digits.size() && value < kFewItems;
}

bool usesLoopItem(TSNode expression, const LoopInfo& loop, const Document& document) {
  for (std::string_view target : loopTargets(loop, document)) {
    if (!variablesNamed(expression, document.text(), target, false).empty()) return true;
  }
  return false;
}

}  // namespace perfhint
