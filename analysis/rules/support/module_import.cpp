#include "analysis/rules/support/module_import.h"

#include "analysis/rules/support/name_rebinding.h"  // a name bound to something else
#include "analysis/syntax/node_queries.h"           // statements of the module

namespace perfhint {
namespace {

using syntax::childByField;
using syntax::nodeType;

// Whether `statement` is the module docstring or a `from __future__ import`, which must stay
// ahead of every other statement.
bool mustStayFirst(TSNode statement, const Document& document) {
  if (nodeType(statement) == "expression_statement" && ts_node_named_child_count(statement) == 1 &&
      nodeType(ts_node_named_child(statement, 0)) == "string") {
    return true;
  }
  return nodeType(statement) == "future_import_statement" ||
         (nodeType(statement) == "import_from_statement" &&
          document.text(childByField(statement, "module_name")) == "__future__");
}

}  // namespace

std::string moduleNameAt(std::string_view module, const Site& site, const SemanticModel& model) {
  // The innermost import of the module in scope, under whatever local name.
  for (int32_t function = site.function;;
       function = model.functions()[static_cast<size_t>(function)].parent) {
    for (const ImportBinding& binding : model.imports()) {
      if (binding.function == function && binding.qualifiedName == module &&
          !binding.typeCheckingOnly && nodeType(binding.statement) == "import_statement") {
        return std::string(binding.localName);
      }
    }
    if (function == kModuleScope) break;
  }
  // Not imported: the fix imports it under its own name, which must be free.
  if (model.resolveImport(module, site.function) || isRebound(module, site, model)) return {};
  return std::string(module);
}

std::optional<FixEdit> importEdit(std::string_view module, const Site& site,
                                  const SemanticModel& model) {
  // Imported under an alias (the fix then uses the alias), or the name is taken.
  if (moduleNameAt(module, site, model) != module) return std::nullopt;
  const ImportBinding* existing = model.resolveImport(module, site.function);
  if (existing && existing->qualifiedName == module && !existing->typeCheckingOnly) {
    return std::nullopt;
  }
  const Document& document = model.document();
  std::string line = "import " + std::string(module) + "\n";
  uint32_t afterPreamble = 0;
  for (TSNode statement : namedChildrenWithoutComments(document.root())) {
    std::string_view type = nodeType(statement);
    if (mustStayFirst(statement, document)) {
      afterPreamble = ts_node_end_byte(statement);
      continue;
    }
    if (type == "import_statement" || type == "import_from_statement") {
      return FixEdit{{ts_node_start_byte(statement), ts_node_start_byte(statement)}, line};
    }
    break;
  }
  if (afterPreamble == 0) return FixEdit{{0, 0}, line + "\n"};
  return FixEdit{{afterPreamble, afterPreamble}, "\n" + line};
}

}  // namespace perfhint
