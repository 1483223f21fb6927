// The grammar node types that the semantic model and the rules care about, as a small enum
// looked up by tree-sitter symbol id (one array index per node, no string compares).
#pragma once

#include "analysis/syntax/tree_sitter.h"  // TSNode

#include <cstdint>
#include <string_view>

namespace perfhint {

#define PERFHINT_NODE_KINDS(X)                           \
  X(Call, "call")                                        \
  X(Attribute, "attribute")                              \
  X(Subscript, "subscript")                              \
  X(Identifier, "identifier")                            \
  X(ForStatement, "for_statement")                       \
  X(WhileStatement, "while_statement")                   \
  X(IfStatement, "if_statement")                         \
  X(TryStatement, "try_statement")                       \
  X(WithStatement, "with_statement")                     \
  X(Assignment, "assignment")                            \
  X(AugmentedAssignment, "augmented_assignment")         \
  X(ComparisonOperator, "comparison_operator")           \
  X(ImportStatement, "import_statement")                 \
  X(ImportFromStatement, "import_from_statement")        \
  X(FunctionDefinition, "function_definition")           \
  X(ClassDefinition, "class_definition")                 \
  X(Lambda, "lambda")                                    \
  X(ListComprehension, "list_comprehension")             \
  X(SetComprehension, "set_comprehension")               \
  X(DictionaryComprehension, "dictionary_comprehension") \
  X(GeneratorExpression, "generator_expression")         \
  X(Await, "await")                                      \
  X(ReturnStatement, "return_statement")                 \
  X(Comment, "comment")

enum class NodeKind : uint8_t {
#define PERFHINT_ENUM_ENTRY(name, grammarName) name,
  PERFHINT_NODE_KINDS(PERFHINT_ENUM_ENTRY)
#undef PERFHINT_ENUM_ENTRY
      Other,
};

inline constexpr size_t kNodeKindCount = static_cast<size_t>(NodeKind::Other) + 1;

/// The kind of a node; NodeKind::Other for every type not listed above.
NodeKind nodeKindOf(TSNode node);

/// The grammar's name for a kind ("call"); empty for Other.
std::string_view grammarName(NodeKind kind);

}  // namespace perfhint
