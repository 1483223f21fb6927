#include "analysis/syntax/node_queries.h"

namespace perfhint {

using syntax::nodeType;

bool isPlainString(TSNode node) {
  std::string_view type = nodeType(node);
  if (type == "concatenated_string") {
    bool plain = true;
    forEachNamedChild(node, [&](TSNode part) { plain = plain && isPlainString(part); });
    return plain;
  }
  if (type != "string") return false;
  bool plain = true;
  forEachNamedChild(node, [&](TSNode part) { plain = plain && nodeType(part) != "interpolation"; });
  return plain;
}

bool isHashableLiteral(TSNode node) {
  std::string_view type = nodeType(node);
  if (type == "integer" || type == "float" || type == "true" || type == "false" ||
      type == "none") {
    return true;
  }
  if (type == "string" || type == "concatenated_string") return isPlainString(node);
  if (type == "unary_operator") {
    TSNode operand = syntax::childByField(node, "argument");
    return nodeType(operand) == "integer" || nodeType(operand) == "float";
  }
  if (type == "parenthesized_expression") return isHashableLiteral(ts_node_named_child(node, 0));
  if (type == "tuple") {
    bool literal = true;
    forEachNamedChild(node, [&](TSNode item) { literal = literal && isHashableLiteral(item); });
    return literal;
  }
  return false;
}

TSNode firstChildOfType(TSNode node, std::string_view type) {
  for (uint32_t i = 0, n = ts_node_child_count(node); i < n; ++i) {
    TSNode child = ts_node_child(node, i);
    if (nodeType(child) == type) return child;
  }
  return TSNode{};
}

}  // namespace perfhint
