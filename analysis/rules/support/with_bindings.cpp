#include "analysis/rules/support/with_bindings.h"

#include "analysis/syntax/node_queries.h"  // with clauses

namespace perfhint {

using syntax::childByField;
using syntax::nodeType;

TSNode callBoundByWith(std::string_view name, TSNode at, int32_t function,
                       const SemanticModel& model) {
  const Document& document = model.document();
  TSNode bound{};
  // Sites come in text order, so a later `with` that also holds `at` is nested in the earlier.
  for (const Site& with : model.sites(NodeKind::WithStatement)) {
    if (with.function != function || !rangeOf(with.node).contains(rangeOf(at))) continue;
    TSNode clause = firstChildOfType(with.node, "with_clause");
    if (ts_node_is_null(clause)) continue;
    forEachNode(clause, [&](TSNode node) {
      if (nodeType(node) == "as_pattern" && document.text(childByField(node, "alias")) == name) {
        TSNode value = ts_node_named_child(node, 0);
        bound = nodeType(value) == "call" ? value : TSNode{};
      }
    });
  }
  return bound;
}

}  // namespace perfhint
