#include "analysis/semantic/semantic_model.h"

#include <algorithm>  // lower_bound

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

// A function or loop whose region the walk is inside, popped when the walk leaves its node.
struct Frame {
  uint32_t depth;  // tree depth of the node that pushed it
  bool isFunction;
  int32_t index;  // into functions_ or loops_
  // For a function, its body: defaults, annotations and decorators run in the enclosing scope.
  ByteRange body;
};

ValueShape shapeOf(TSNode value) {
  std::string_view type = nodeType(value);
  uint32_t named = ts_node_named_child_count(value);
  if (type == "list") return named == 0 ? ValueShape::EmptyList : ValueShape::ListDisplay;
  if (type == "dictionary") return named == 0 ? ValueShape::EmptyDict : ValueShape::DictDisplay;
  if (type == "set") return ValueShape::SetDisplay;
  if (type == "list_comprehension") return ValueShape::ListComprehension;
  if (type == "call") return ValueShape::Call;
  if (type == "string") {
    // string_start and string_end only: nothing between the quotes.
    return named == 2 ? ValueShape::EmptyString : ValueShape::StringLiteral;
  }
  return ValueShape::Other;
}

bool isTypeCheckingCondition(std::string_view condition) {
  return condition == "TYPE_CHECKING" || condition == "typing.TYPE_CHECKING";
}

bool handlerCatchesImportError(std::string_view handlerText) {
  return handlerText.find("ImportError") != std::string_view::npos ||
         handlerText.find("ModuleNotFoundError") != std::string_view::npos;
}

}  // namespace

SemanticModel::SemanticModel(const Document& document, PythonVersion targetVersion)
    : document_(document),
      targetVersion_(targetVersion),
      identifiers_(document.root(), document.text()) {
  build();
}

void SemanticModel::build() {
  syntax::TreeCursor cursor(document_.root());
  std::vector<Frame> frames;
  // The nodes above the cursor, root first. ts_node_parent searches down from the root each
  // time, so the walk keeps its own path.
  std::vector<TSNode> ancestors;
  std::vector<uint32_t> ancestorPositions;  // where parents_ holds each of `ancestors`
  uint32_t depth = 0;
  parents_.reserve(ts_node_descendant_count(document_.root()));

  auto recordImport = [&](TSNode statement, std::string_view local, std::string qualified,
                          int32_t function) {
    ImportBinding binding{statement, local, std::move(qualified), function, false, false};
    TSNode child = statement;
    for (auto above = ancestors.rbegin(); above != ancestors.rend(); child = *above++) {
      TSNode parent = *above;
      std::string_view type = nodeType(parent);
      if (type == "function_definition") break;
      // Only the `if` branch: an `else:` beside it runs when not type checking.
      if (type == "if_statement" && ts_node_eq(childByField(parent, "consequence"), child) &&
          isTypeCheckingCondition(document_.text(childByField(parent, "condition")))) {
        binding.typeCheckingOnly = true;
      }
      if (type == "try_statement" && ts_node_eq(childByField(parent, "body"), child)) {
        for (uint32_t i = 0, n = ts_node_named_child_count(parent); i < n; ++i) {
          TSNode handler = ts_node_named_child(parent, i);
          if (nodeType(handler) == "except_clause") {
            // The clause's text up to its block: `except (ImportError, X) as e:`.
            TSNode block = ts_node_named_child(handler, ts_node_named_child_count(handler) - 1);
            ByteRange head{ts_node_start_byte(handler), ts_node_start_byte(block)};
            if (handlerCatchesImportError(document_.text(head)))
              binding.guardedByImportError = true;
          }
        }
      }
    }
    imports_.push_back(std::move(binding));
  };

  while (true) {
    TSNode node = cursor.node();
    uint32_t position =
        parents_.add(node, ancestorPositions.empty() ? syntax::ParentIndex::kNoParent
                                                     : ancestorPositions.back());
    NodeKind kind = nodeKindOf(node);
    if (kind == NodeKind::Identifier) {
      identifiers_.addIdentifier(node, ancestors.empty() ? TSNode{} : ancestors.back());
    } else if (kind == NodeKind::FunctionDefinition || kind == NodeKind::Lambda) {
      identifiers_.addFunction(node);
    }
    if (kind != NodeKind::Other && kind != NodeKind::Identifier) {
      Site site{node, kModuleScope, kNoLoop, 0};
      ByteRange range = rangeOf(node);
      for (auto frame = frames.rbegin(); frame != frames.rend(); ++frame) {
        if (frame->isFunction) {
          if (!frame->body.contains(range)) continue;
          site.function = frame->index;
          break;
        }
        const LoopInfo& loop = loops_[static_cast<size_t>(frame->index)];
        if (loop.repeats(range)) {
          if (site.loop == kNoLoop) site.loop = frame->index;
          ++site.loopDepth;
        }
      }

      switch (kind) {
        case NodeKind::Comment: comments_.push_back(range); break;
        case NodeKind::FunctionDefinition: {
          TSNode first = ts_node_child(node, 0);
          functions_.push_back({node, document_.text(childByField(node, "name")),
                                nodeType(first) == "async", site.function});
          frames.push_back({depth, true, static_cast<int32_t>(functions_.size() - 1),
                            rangeOf(childByField(node, "body"))});
          break;
        }
        case NodeKind::ForStatement:
        case NodeKind::WhileStatement:
        case NodeKind::ListComprehension:
        case NodeKind::SetComprehension:
        case NodeKind::DictionaryComprehension:
        case NodeKind::GeneratorExpression: {
          LoopInfo loop{
              node, kind, site.loop, site.function, static_cast<uint16_t>(site.loopDepth + 1),
              {},   {}};
          TSNode body = childByField(node, "body");
          if (kind == NodeKind::ForStatement) {
            loop.repeated = rangeOf(body);
          } else if (kind == NodeKind::WhileStatement) {
            // Up to the end of the body: an `else:` clause runs once.
            loop.repeated = {ts_node_start_byte(childByField(node, "condition")),
                             ts_node_end_byte(body)};
          } else {
            loop.repeated = rangeOf(body);
            // The first clause's iterable runs once; what follows it runs per item.
            for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; ++i) {
              TSNode clause = ts_node_named_child(node, i);
              if (nodeType(clause) == "for_in_clause") {
                loop.repeatedTail = {ts_node_end_byte(childByField(clause, "right")), range.end};
                break;
              }
            }
          }
          loops_.push_back(loop);
          frames.push_back({depth, false, static_cast<int32_t>(loops_.size() - 1), {}});
          break;
        }
        case NodeKind::ImportStatement:
          for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; ++i) {
            TSNode name = ts_node_named_child(node, i);
            if (nodeType(name) == "aliased_import") {
              recordImport(node, document_.text(childByField(name, "alias")),
                           std::string(document_.text(childByField(name, "name"))), site.function);
            } else if (nodeType(name) == "dotted_name") {
              // `import os.path` binds `os`.
              std::string_view root = document_.text(ts_node_named_child(name, 0));
              recordImport(node, root, std::string(root), site.function);
            }
          }
          break;
        case NodeKind::ImportFromStatement: {
          TSNode moduleNode = childByField(node, "module_name");
          std::string_view module = document_.text(moduleNode);
          for (uint32_t i = 0, n = ts_node_named_child_count(node); i < n; ++i) {
            TSNode name = ts_node_named_child(node, i);
            if (ts_node_eq(name, moduleNode)) continue;
            std::string_view type = nodeType(name);
            std::string_view imported, local;
            if (type == "aliased_import") {
              imported = document_.text(childByField(name, "name"));
              local = document_.text(childByField(name, "alias"));
            } else if (type == "dotted_name") {
              imported = local = document_.text(name);
            } else {
              continue;
            }
            std::string qualified(module);
            if (!qualified.empty() && qualified.back() != '.') qualified += '.';
            qualified += imported;
            recordImport(node, local, std::move(qualified), site.function);
          }
          break;
        }
        case NodeKind::Assignment: {
          TSNode left = childByField(node, "left");
          TSNode right = childByField(node, "right");
          TSNode parent = ancestors.empty() ? TSNode{} : ancestors.back();
          if (!ts_node_is_null(right) && nodeType(left) == "identifier" &&
              nodeType(parent) == "expression_statement") {
            Binding binding{document_.text(left), shapeOf(right), {}, site.function, parent, right};
            if (binding.shape == ValueShape::Call) {
              TSNode callee = childByField(right, "function");
              binding.callee = qualifiedName(callee, site.function);
              if (binding.callee.empty()) binding.callee = document_.text(callee);
            }
            bindings_.push_back(std::move(binding));
          }
          break;
        }
        default: break;
      }
      if (kind != NodeKind::Comment) sites_[static_cast<size_t>(kind)].push_back(site);
    }

    if (cursor.gotoFirstChild()) {
      ancestors.push_back(node);
      ancestorPositions.push_back(position);
      ++depth;
      continue;
    }
    while (true) {
      while (!frames.empty() && frames.back().depth >= depth) frames.pop_back();
      if (cursor.gotoNextSibling()) break;
      if (!cursor.gotoParent()) return;
      ancestors.pop_back();
      ancestorPositions.pop_back();
      --depth;
    }
  }
}

Site SemanticModel::siteOf(TSNode node) const {
  ByteRange range = rangeOf(node);
  Site site{node, kModuleScope, kNoLoop, 0};
  // Functions are stored in pre-order: the innermost container is the last one that contains it.
  for (auto fn = functions_.rbegin(); fn != functions_.rend(); ++fn) {
    // The body lies inside the definition, whose range costs less to ask for.
    if (!rangeOf(fn->node).contains(range)) continue;
    ByteRange body = rangeOf(childByField(fn->node, "body"));
    if (body.contains(range)) {
      site.function = static_cast<int32_t>(functions_.rend() - fn - 1);
      break;
    }
  }
  for (auto loop = loops_.rbegin(); loop != loops_.rend(); ++loop) {
    if (loop->function == site.function && loop->repeats(range)) {
      site.loop = static_cast<int32_t>(loops_.rend() - loop - 1);
      break;
    }
  }
  // Depth counts the chain of enclosing loops that also repeat this node.
  for (int32_t loop = site.loop; loop != kNoLoop; loop = loops_[static_cast<size_t>(loop)].parent) {
    if (loops_[static_cast<size_t>(loop)].repeats(range)) ++site.loopDepth;
  }
  return site;
}

const ImportBinding* SemanticModel::resolveImport(std::string_view name, int32_t function) const {
  while (true) {
    const ImportBinding* found = nullptr;
    for (const ImportBinding& binding : imports_) {
      if (binding.function == function && binding.localName == name) found = &binding;
    }
    if (found || function == kModuleScope) return found;
    function = functions_[static_cast<size_t>(function)].parent;
  }
}

std::string SemanticModel::qualifiedName(TSNode expression, int32_t function) const {
  // Collect the attribute chain from the outside in: a.b.c -> [c, b], root a.
  std::vector<std::string_view> attributes;
  TSNode at = expression;
  while (nodeType(at) == "attribute") {
    attributes.push_back(document_.text(childByField(at, "attribute")));
    at = childByField(at, "object");
  }
  if (nodeType(at) != "identifier") return {};
  const ImportBinding* binding = resolveImport(document_.text(at), function);
  if (!binding) return {};
  std::string result = binding->qualifiedName;
  for (auto name = attributes.rbegin(); name != attributes.rend(); ++name) {
    result += '.';
    result += *name;
  }
  return result;
}

const Binding* SemanticModel::bindingBefore(std::string_view name, int32_t function,
                                            uint32_t offset) const {
  const Binding* found = nullptr;
  for (const Binding& binding : bindings_) {
    if (ts_node_start_byte(binding.statement) >= offset) break;
    if (binding.function == function && binding.name == name) found = &binding;
  }
  return found;
}

bool SemanticModel::hasCommentIn(ByteRange range) const {
  // Comments are recorded in text order. One that only partly overlaps the range counts too:
  // replacing the range would cut it.
  auto first =
      std::lower_bound(comments_.begin(), comments_.end(), range.start,
                       [](ByteRange comment, uint32_t offset) { return comment.end <= offset; });
  return first != comments_.end() && first->start < range.end;
}

}  // namespace perfhint
