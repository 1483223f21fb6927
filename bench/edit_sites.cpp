#include "bench/edit_sites.h"

#include "analysis/syntax/tree_sitter.h"  // TreeCursor

#include <algorithm>  // min
#include <cstring>    // strcmp

namespace perfhint::bench {

std::vector<uint32_t> identifierStarts(TSNode root) {
  std::vector<uint32_t> starts;
  syntax::TreeCursor cursor(root);
  while (true) {
    TSNode node = cursor.node();
    if (std::strcmp(ts_node_type(node), "identifier") == 0)
      starts.push_back(ts_node_start_byte(node));
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return starts;
    }
  }
}

std::vector<uint32_t> editOffsetsMidFile(const std::vector<uint32_t>& starts, size_t count) {
  std::vector<uint32_t> offsets;
  size_t first = starts.size() / 4, span = starts.size() / 2;
  if (span == 0) return offsets;
  count = std::min(count, span);
  for (size_t i = 0; i < count; ++i) offsets.push_back(starts[first + i * span / count] + 1);
  return offsets;
}

}  // namespace perfhint::bench
