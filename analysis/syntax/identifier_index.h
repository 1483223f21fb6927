// Every identifier of one tree, grouped by name, so that asking for the occurrences of a name
// under a node costs a lookup instead of a walk of the node's subtree. Rules ask that question
// for many sites per file (each walking a whole function or module), which made it the largest
// cost of a check after parsing.
#pragma once

#include "analysis/syntax/tree_sitter.h"  // TSNode

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace perfhint::syntax {

/// The identifiers of one tree, filled by a walk that visits its nodes in order (the semantic
/// model's). Answers variablesNamed (see node_queries.h) with the same nodes in the same order.
class IdentifierIndex {
 public:
  /// An empty index of the tree `root` belongs to; `source` is the text the tree was parsed from.
  /// Both must outlive the index.
  IdentifierIndex(TSNode root, std::string_view source) : root_(root), source_(source) {}
  IdentifierIndex(const IdentifierIndex&) = delete;
  IdentifierIndex& operator=(const IdentifierIndex&) = delete;

  /// Records a `def` or `lambda`. Nodes must be added in the order a walk of the tree meets them.
  void addFunction(TSNode function);
  /// Records an identifier with the node above it.
  void addIdentifier(TSNode identifier, TSNode parent);

  /// Whether `node` belongs to the indexed tree and `source` is the indexed text.
  bool covers(TSNode node, std::string_view source) const {
    return node.tree == root_.tree && source.data() == source_.data() &&
           source.size() == source_.size();
  }

  /// The identifiers under `root` (a node the index covers) that name the variable `name`, as
  /// variablesNamed defines them. `name` must not be empty.
  std::vector<TSNode> variablesNamed(TSNode root, std::string_view name, bool intoFunctions) const;

  /// The index that variablesNamed uses on this thread, or nullptr.
  static const IdentifierIndex* current();

  /// Makes an index the current one on this thread while it lives.
  class Use {
   public:
    explicit Use(const IdentifierIndex& index);
    ~Use();
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

   private:
    const IdentifierIndex* previous_;
  };

 private:
  struct Occurrence {
    TSNode node;
    uint32_t start;
    uint32_t end;
    int32_t function;    ///< innermost `def` or `lambda` around it, into functions_, or -1
    bool isVariable;     ///< not an attribute name or a keyword argument's name
    bool namesFunction;  ///< the name of the `def` that is its innermost function
  };
  struct Function {
    TSNode node;
    uint32_t start;
    uint32_t end;
    int32_t parent;  ///< the enclosing `def` or `lambda`, or -1
  };

  // The innermost recorded function that holds `offset`, after closing those that end before it.
  int32_t functionAround(uint32_t offset);

  TSNode root_;
  std::string_view source_;
  std::unordered_map<std::string_view, std::vector<Occurrence>> byName_;
  std::vector<Function> functions_;
  std::vector<int32_t> openFunctions_;  // while filling: the functions around the last node
};

}  // namespace perfhint::syntax
