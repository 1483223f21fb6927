// What the rules know about a file beyond its syntax, gathered in one walk of the tree:
// functions (and whether they are async), loops and how deeply they nest, imports and their
// aliases, simple assignments, comments, and every node of a kind a rule may ask for, each with
// its context. Rules ask this model instead of walking the tree again.
#pragma once

#include "analysis/semantic/python_version.h"  // target version
#include "analysis/syntax/byte_range.h"        // regions
#include "analysis/syntax/document.h"          // text of nodes
#include "analysis/syntax/identifier_index.h"  // names, gathered in the same walk
#include "analysis/syntax/node_kind.h"         // sites by kind
#include "analysis/syntax/parent_index.h"      // parents, recorded in the same walk

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint {

inline constexpr int32_t kModuleScope = -1;
inline constexpr int32_t kNoLoop = -1;

/// A node with its context: the innermost function whose body holds the node (kModuleScope at
/// top level; defaults and annotations belong to the enclosing scope, where they run) and
/// the innermost loop whose repeated part holds the node, counting only loops inside that
/// function. `loopDepth` is how many such loops nest around the node.
struct Site {
  TSNode node;
  int32_t function = kModuleScope;
  int32_t loop = kNoLoop;
  uint16_t loopDepth = 0;
};

struct FunctionInfo {
  TSNode node;
  std::string_view name;
  bool isAsync = false;
  int32_t parent = kModuleScope;  ///< enclosing function
};

/// A `for`, `while` or comprehension.
struct LoopInfo {
  TSNode node;
  NodeKind kind = NodeKind::ForStatement;
  int32_t parent = kNoLoop;  ///< enclosing loop in the same function
  int32_t function = kModuleScope;
  uint16_t depth = 1;  ///< 1 for a loop not nested in another (in its function)
  /// The parts evaluated on every iteration: a `for` body; a `while` condition and body; a
  /// comprehension's element and everything after its first iterable.
  ByteRange repeated;
  ByteRange repeatedTail;  ///< second part for comprehensions, else empty

  bool repeats(ByteRange range) const {
    return repeated.contains(range) || (repeatedTail.length() && repeatedTail.contains(range));
  }
};

/// One name bound by an import statement.
struct ImportBinding {
  TSNode statement;
  std::string_view localName;  ///< `regex` in `import re as regex`
  std::string qualifiedName;   ///< `re`; `time.sleep` for `from time import sleep`
  int32_t function = kModuleScope;
  bool typeCheckingOnly = false;      ///< under `if TYPE_CHECKING:`
  bool guardedByImportError = false;  ///< in a `try:` whose handler catches ImportError
};

/// The shape of the value in `name = value`, as far as rules care.
enum class ValueShape : uint8_t {
  EmptyList,
  EmptyString,
  EmptyDict,
  ListDisplay,
  ListComprehension,
  StringLiteral,
  DictDisplay,
  SetDisplay,
  Call,
  Other,
};

/// `name = value` with a plain name on the left, as a statement of its own.
struct Binding {
  std::string_view name;
  ValueShape shape = ValueShape::Other;
  std::string callee;  ///< for calls: the qualified name ("numpy.zeros") or the callee's text
  int32_t function = kModuleScope;
  TSNode statement;  ///< the expression_statement
  TSNode value;
};

/// The semantic model of one document. Views into the document's text stay valid while the
/// document is unchanged.
class SemanticModel {
 public:
  /// `targetVersion`: the Python version the code must run on, for rules whose advice depends
  /// on it (the newest by default).
  explicit SemanticModel(const Document& document,
                         PythonVersion targetVersion = kNewestPythonVersion);

  const Document& document() const { return document_; }
  PythonVersion targetVersion() const { return targetVersion_; }
  const std::vector<Site>& sites(NodeKind kind) const { return sites_[static_cast<size_t>(kind)]; }
  const std::vector<FunctionInfo>& functions() const { return functions_; }
  /// The node whose subtree is the scope of `function`: its definition, or the module's root for
  /// kModuleScope.
  TSNode scopeNode(int32_t function) const {
    return function == kModuleScope ? document_.root()
                                    : functions_[static_cast<size_t>(function)].node;
  }
  const std::vector<LoopInfo>& loops() const { return loops_; }
  const std::vector<ImportBinding>& imports() const { return imports_; }
  const std::vector<Binding>& bindings() const { return bindings_; }
  const std::vector<ByteRange>& comments() const { return comments_; }
  /// Every identifier, by name: what variablesNamed answers from while the index is in use.
  const syntax::IdentifierIndex& identifiers() const { return identifiers_; }
  /// The parent of every node: what syntax::parentOf answers from while the index is in use.
  const syntax::ParentIndex& parents() const { return parents_; }

  /// Context of any node (for nodes found by looking around a site rather than from sites()).
  Site siteOf(TSNode node) const;

  /// Whether the function (kModuleScope for none) is `async def`.
  bool isAsync(int32_t function) const { return function >= 0 && functions_[function].isAsync; }

  /// The import that binds `name` as seen from `function` (its own imports, then enclosing
  /// functions', then the module's), or nullptr.
  const ImportBinding* resolveImport(std::string_view name, int32_t function) const;

  /// The dotted name an expression refers to through imports: `regex.search` gives `re.search`
  /// after `import re as regex`; `sleep` gives `time.sleep` after `from time import sleep`.
  /// Empty when the expression is not a name or attribute chain rooted at an import.
  std::string qualifiedName(TSNode expression, int32_t function) const;

  /// The last binding of `name` in `function`'s own scope before `offset`, or nullptr.
  const Binding* bindingBefore(std::string_view name, int32_t function, uint32_t offset) const;

  /// Whether a comment lies inside `range`, even in part.
  bool hasCommentIn(ByteRange range) const;

 private:
  void build();

  const Document& document_;
  PythonVersion targetVersion_;
  std::array<std::vector<Site>, kNodeKindCount> sites_;
  std::vector<FunctionInfo> functions_;
  std::vector<LoopInfo> loops_;
  std::vector<ImportBinding> imports_;
  std::vector<Binding> bindings_;
  std::vector<ByteRange> comments_;
  syntax::IdentifierIndex identifiers_;
  syntax::ParentIndex parents_;
};

}  // namespace perfhint
