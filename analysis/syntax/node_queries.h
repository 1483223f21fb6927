// Small questions about syntax nodes that several rules ask.
#pragma once

#include "analysis/syntax/tree_sitter.h"  // TSNode

#include <cstdint>
#include <string_view>

namespace perfhint {

/// Calls `visit(child)` for each named child.
template <typename Visit>
void forEachNamedChild(TSNode node, Visit&& visit) {
  for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; ++i) {
    visit(ts_node_named_child(node, i));
  }
}

/// Whether the node is a constant whose hash and equality cannot be overridden: a number,
/// string or bytes without interpolation, True/False/None, or a tuple of those.
bool isHashableLiteral(TSNode node);

/// Whether the node is a string literal without f-string interpolation.
bool isPlainString(TSNode node);

/// The first child with the given grammar type, or a null node.
TSNode firstChildOfType(TSNode node, std::string_view type);

}  // namespace perfhint
