#include "analysis/rules/support/class_instantiation.h"

namespace perfhint {

using syntax::childByField;
using syntax::nodeType;

bool isCreatedInLoop(std::string_view name, const SemanticModel& model) {
  const Document& document = model.document();
  for (const Site& site : model.sites(NodeKind::Call)) {
    if (site.loopDepth == 0) continue;
    TSNode callee = childByField(site.node, "function");
    if (nodeType(callee) == "identifier" && document.text(callee) == name) return true;
  }
  return false;
}

}  // namespace perfhint
