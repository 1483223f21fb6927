#include "profile/python_functions.h"

#include "analysis/syntax/node_queries.h"  // forEachNode
#include "analysis/syntax/tree_sitter.h"   // nodeType, childByField

namespace perfhint::profile {

std::vector<PythonFunction> pythonFunctions(const Document& document) {
  std::vector<PythonFunction> functions;
  forEachNode(document.root(), [&](TSNode node) {
    if (syntax::nodeType(node) != "function_definition") return;
    PythonFunction function;
    function.name = std::string(document.text(syntax::childByField(node, "name")));
    function.defLine = ts_node_start_point(node).row + 1;
    function.lastLine = ts_node_end_point(node).row + 1;
    TSNode parent = ts_node_parent(node);
    function.firstLine = syntax::nodeType(parent) == "decorated_definition"
                             ? ts_node_start_point(parent).row + 1
                             : function.defLine;
    function.startByte = ts_node_start_byte(node);
    function.endByte = ts_node_end_byte(node);
    functions.push_back(std::move(function));
  });
  return functions;
}

int innermostFunctionAt(std::span<const PythonFunction> functions, uint32_t offset) {
  // Outer functions come first, so the last one holding the offset is the innermost.
  int innermost = -1;
  for (size_t i = 0; i < functions.size(); ++i) {
    if (functions[i].startByte <= offset && offset < functions[i].endByte) {
      innermost = static_cast<int>(i);
    }
  }
  return innermost;
}

}  // namespace perfhint::profile
