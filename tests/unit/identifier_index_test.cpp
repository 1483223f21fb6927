// IdentifierIndex (analysis/syntax/identifier_index.h): variablesNamed answered from the index
// gives the same nodes, in the same order, as the walk it replaces, for every name under every
// scope-like node of the rule fixtures and of snippets with nested and broken code.
#include "analysis/syntax/identifier_index.h"
#include "analysis/semantic/semantic_model.h"
#include "analysis/syntax/node_queries.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace perfhint;

namespace {

std::vector<std::string> sources() {
  std::vector<std::string> texts = {
      "def f(a, b=lambda a: a + x, *, c: int = y):\n"
      "    @deco(a)\n"
      "    def g(a=a):\n"
      "        return [a for a in b if (z := a)]\n"
      "    h = lambda: lambda: a\n"
      "    class K:\n"
      "        a = a\n"
      "        def a(self): return a.a(a=a)\n"
      "    return g, h, K\n",
      "for x in (lambda x: x)(x):\n    def x(): x\n    x = [x for x in x]\n",
      "def broken(a:\n    a = (a +\nprint(a)\n",
  };
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(PERFHINT_SOURCE_DIR) / "tests" / "fixtures")) {
    std::ifstream file(entry.path());
    std::stringstream text;
    text << file.rdbuf();
    texts.push_back(text.str());
  }
  return texts;
}

// The nodes a rule may hand to variablesNamed as the region to search.
bool isRegion(std::string_view type) {
  return type == "module" || type == "function_definition" || type == "lambda" ||
         type == "class_definition" || type == "decorated_definition" || type == "block" ||
         type == "for_statement" || type == "list_comprehension" || type == "call";
}

}  // namespace

TEST_CASE("the index finds the same variables as a walk") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  for (const std::string& text : sources()) {
    Document document(text, *parser);
    SemanticModel model(document);
    std::set<std::string_view> names;
    std::vector<TSNode> regions;
    syntax::TreeCursor cursor(document.root());
    while (true) {
      TSNode node = cursor.node();
      if (syntax::nodeType(node) == "identifier") names.insert(document.text(node));
      if (isRegion(syntax::nodeType(node))) regions.push_back(node);
      if (cursor.gotoFirstChild()) continue;
      bool more = true;
      while (more && !cursor.gotoNextSibling()) more = cursor.gotoParent();
      if (!more) break;
    }
    for (TSNode region : regions) {
      for (std::string_view name : names) {
        for (bool intoFunctions : {false, true}) {
          std::vector<TSNode> walked = variablesNamed(region, document.text(), name, intoFunctions);
          syntax::IdentifierIndex::Use use(model.identifiers());
          std::vector<TSNode> indexed =
              variablesNamed(region, document.text(), name, intoFunctions);
          REQUIRE(walked.size() == indexed.size());
          for (size_t i = 0; i < walked.size(); ++i) CHECK(ts_node_eq(walked[i], indexed[i]));
        }
      }
    }
  }
}
