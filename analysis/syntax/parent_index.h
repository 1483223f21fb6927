// The parent of every node of one tree, recorded by a walk that meets them all anyway (the
// semantic model's). ts_node_parent searches down from the root on every call, through every
// child of each node on the way: for a node in a module of a few hundred statements that is a
// scan of them all, and rules climbing from a node to an ancestor pay it once per step.
#pragma once

#include "analysis/syntax/tree_sitter.h"  // TSNode

#include <cstddef>
#include <cstdint>
#include <vector>

namespace perfhint::syntax {

/// Where each node of a tree sits under its parent. Not thread-safe: one thread at a time.
class ParentIndex {
 public:
  static constexpr uint32_t kNoParent = UINT32_MAX;

  ParentIndex() = default;
  ParentIndex(const ParentIndex&) = delete;
  ParentIndex& operator=(const ParentIndex&) = delete;

  /// Makes room for `count` nodes: a tree tells how many it has, and growing would copy them.
  void reserve(size_t count) {
    starts_.reserve(count);
    nodes_.reserve(count);
    parents_.reserve(count);
  }

  /// Records `node` under the node recorded at position `parent` (kNoParent for the root) and
  /// returns its own position. Nodes must be added in the order a walk of the tree meets them.
  uint32_t add(TSNode node, uint32_t parent) {
    starts_.push_back(ts_node_start_byte(node));
    nodes_.push_back(node);
    parents_.push_back(parent);
    return static_cast<uint32_t>(nodes_.size() - 1);
  }

  /// The parent of a recorded node (null for the root); `found` tells whether it was recorded.
  TSNode parentOf(TSNode node, bool& found) const;

  /// The index that parentOf uses on this thread, or nullptr.
  static const ParentIndex* current();

  /// Makes an index the current one on this thread while it lives.
  class Use {
   public:
    explicit Use(const ParentIndex& index);
    ~Use();
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

   private:
    const ParentIndex* previous_;
  };

 private:
  std::vector<uint32_t> starts_;  // in walk order, so never decreasing
  std::vector<TSNode> nodes_;
  std::vector<uint32_t> parents_;
};

/// The node above `node`, as ts_node_parent gives it, answered from the index in use on this
/// thread when that holds the node.
TSNode parentOf(TSNode node);

}  // namespace perfhint::syntax
