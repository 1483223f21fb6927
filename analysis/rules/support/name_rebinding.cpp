#include "analysis/rules/support/name_rebinding.h"

#include "analysis/syntax/node_queries.h"  // variable occurrences, root names, local bindings

namespace perfhint {

bool isRebound(std::string_view name, const Site& site, const SemanticModel& model) {
  const Document& document = model.document();
  auto bindsIn = [&](TSNode scope) {
    for (TSNode use : variablesNamed(scope, document.text(), name, false)) {
      if (isBindingOccurrence(use)) return true;
    }
    return false;
  };
  for (int32_t function = site.function; function != kModuleScope;
       function = model.functions()[static_cast<size_t>(function)].parent) {
    if (bindsIn(model.functions()[static_cast<size_t>(function)].node)) return true;
  }
  return bindsIn(document.root());
}

bool rootShadowedLocally(TSNode callee, const Site& site, const SemanticModel& model) {
  TSNode root = rootNameOf(callee);
  if (site.function == kModuleScope || ts_node_is_null(root)) return false;
  const Document& document = model.document();
  return bindsNameOtherThanByImport(model.functions()[static_cast<size_t>(site.function)].node,
                                    document.text(), document.text(root));
}

}  // namespace perfhint
