#include "analysis/rules/support/bound_callee.h"

#include "analysis/syntax/node_queries.h"  // local bindings
#include "analysis/syntax/parent_index.h"  // walking up from the use

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

// The call in `with <call> as name:` around `use`, inside its function, or a null node.
TSNode withItemCallFor(TSNode use, std::string_view name, const Document& document) {
  for (TSNode at = syntax::parentOf(use); !ts_node_is_null(at); at = syntax::parentOf(at)) {
    std::string_view type = nodeType(at);
    if (type == "function_definition" || type == "lambda" || type == "class_definition") break;
    if (type != "with_statement") continue;
    TSNode clause = firstChildOfType(at, "with_clause");
    TSNode found{};
    forEachNamedChild(clause, [&](TSNode item) {
      TSNode pattern = childByField(item, "value");
      if (nodeType(pattern) != "as_pattern") return;
      TSNode alias = childByField(pattern, "alias");
      TSNode value = ts_node_named_child(pattern, 0);
      if (document.text(alias) == name && nodeType(value) == "call") found = value;
    });
    if (!ts_node_is_null(found)) return found;
  }
  return {};
}

}  // namespace

std::string boundCallee(TSNode use, std::string_view name, const Site& site,
                        const SemanticModel& model) {
  const Document& document = model.document();
  TSNode withCall = withItemCallFor(use, name, document);
  if (!ts_node_is_null(withCall)) {
    return model.qualifiedName(childByField(withCall, "function"), site.function);
  }
  const Binding* binding = model.bindingBefore(name, site.function, ts_node_start_byte(use));
  if (!binding && site.function != kModuleScope) {
    // A module-level client used inside a function, unless the function binds the name itself.
    TSNode scope = model.functions()[static_cast<size_t>(site.function)].node;
    if (bindsNameOtherThanByImport(scope, document.text(), name)) return {};
    binding =
        model.bindingBefore(name, kModuleScope, static_cast<uint32_t>(document.text().size()));
  }
  if (!binding || binding->shape != ValueShape::Call) return {};
  // Binding::callee falls back to the callee's text; only a name rooted at an import counts.
  std::string qualified =
      model.qualifiedName(childByField(binding->value, "function"), binding->function);
  return qualified;
}

}  // namespace perfhint
