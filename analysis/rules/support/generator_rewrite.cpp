#include "analysis/rules/support/generator_rewrite.h"

#include "analysis/syntax/node_queries.h"  // plain strings

#include <array>

namespace perfhint::generator_rewrite {

using syntax::childByField;
using syntax::nodeType;

bool isPlainExpression(TSNode node) {
  if (ts_node_is_null(node)) return true;
  static constexpr std::array<std::string_view, 18> kPlain = {"identifier",
                                                              "attribute",
                                                              "integer",
                                                              "float",
                                                              "true",
                                                              "false",
                                                              "none",
                                                              "comparison_operator",
                                                              "boolean_operator",
                                                              "not_operator",
                                                              "binary_operator",
                                                              "unary_operator",
                                                              "tuple",
                                                              "pattern_list",
                                                              "tuple_pattern",
                                                              "parenthesized_expression",
                                                              "for_in_clause",
                                                              "if_clause"};
  std::string_view type = nodeType(node);
  if (type == "string" || type == "concatenated_string") return isPlainString(node);
  bool plain = false;
  for (std::string_view allowed : kPlain) plain = plain || type == allowed;
  if (!plain) return false;
  forEachNamedChild(node, [&](TSNode child) {
    plain = plain && (nodeType(child) == "comment" || isPlainExpression(child));
  });
  return plain;
}

bool isRestartableIterable(TSNode iterable, const Document& document) {
  std::string_view type = nodeType(iterable);
  if (type == "list" || type == "tuple" || type == "set") {
    bool plain = true;
    forEachNamedChild(iterable, [&](TSNode item) { plain = plain && isPlainExpression(item); });
    return plain;
  }
  if (type != "call") return false;
  TSNode callee = childByField(iterable, "function");
  TSNode arguments = childByField(iterable, "arguments");
  bool plainArguments = true;
  forEachNamedChild(arguments, [&](TSNode argument) {
    plainArguments = plainArguments && isPlainExpression(argument);
  });
  if (!plainArguments) return false;
  if (nodeType(callee) == "identifier") return document.text(callee) == "range";
  if (nodeType(callee) != "attribute" || ts_node_named_child_count(arguments) != 0) return false;
  std::string_view method = document.text(childByField(callee, "attribute"));
  return (method == "items" || method == "keys" || method == "values") &&
         isPlainExpression(childByField(callee, "object"));
}

}  // namespace perfhint::generator_rewrite
