#include "analysis/syntax/parent_index.h"

#include <algorithm>  // lower_bound

namespace perfhint::syntax {
namespace {

thread_local const ParentIndex* currentIndex = nullptr;

}  // namespace

const ParentIndex* ParentIndex::current() {
  return currentIndex;
}

ParentIndex::Use::Use(const ParentIndex& index) : previous_(currentIndex) {
  currentIndex = &index;
}

ParentIndex::Use::~Use() {
  currentIndex = previous_;
}

TSNode ParentIndex::parentOf(TSNode node, bool& found) const {
  found = false;
  if (nodes_.empty() || node.tree != nodes_.front().tree) return TSNode{};
  uint32_t start = ts_node_start_byte(node);
  // Several nodes may start at one offset (a statement, its expression, the expression's first
  // name): they sit next to each other.
  auto position = std::lower_bound(starts_.begin(), starts_.end(), start);
  for (; position != starts_.end() && *position == start; ++position) {
    auto index = static_cast<size_t>(position - starts_.begin());
    if (!ts_node_eq(nodes_[index], node)) continue;
    found = true;
    uint32_t parent = parents_[index];
    return parent == kNoParent ? TSNode{} : nodes_[parent];
  }
  return TSNode{};
}

TSNode parentOf(TSNode node) {
  if (const ParentIndex* index = ParentIndex::current()) {
    bool found = false;
    TSNode parent = index->parentOf(node, found);
    if (found) return parent;
  }
  return ts_node_parent(node);
}

}  // namespace perfhint::syntax
