// ParentIndex (analysis/syntax/parent_index.h): syntax::parentOf agrees with ts_node_parent for
// every node of the rule fixtures and of broken code, and falls back to it for other trees.
#include "analysis/syntax/parent_index.h"
#include "analysis/semantic/semantic_model.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace perfhint;

namespace {

std::vector<std::string> sources() {
  std::vector<std::string> texts = {"def broken(a:\n    a = (a +\nprint(a)\n",
                                    "x = [\n# comment\n1,, 2]\nif x\n  pass\n"};
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(PERFHINT_SOURCE_DIR) / "tests" / "fixtures")) {
    std::ifstream file(entry.path());
    std::stringstream text;
    text << file.rdbuf();
    texts.push_back(text.str());
  }
  return texts;
}

}  // namespace

TEST_CASE("parentOf agrees with ts_node_parent for every node") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  for (const std::string& text : sources()) {
    Document document(text, *parser);
    SemanticModel model(document);
    syntax::ParentIndex::Use use(model.parents());
    syntax::TreeCursor cursor(document.root());
    while (true) {
      TSNode node = cursor.node();
      TSNode expected = ts_node_parent(node);
      TSNode found = syntax::parentOf(node);
      CHECK(ts_node_is_null(found) == ts_node_is_null(expected));
      if (!ts_node_is_null(expected)) {
        CHECK(ts_node_eq(found, expected));
        CHECK(syntax::nodeType(found) == syntax::nodeType(expected));
      }
      if (cursor.gotoFirstChild()) continue;
      bool more = true;
      while (more && !cursor.gotoNextSibling()) more = cursor.gotoParent();
      if (!more) break;
    }
  }
}

TEST_CASE("parentOf asks tree-sitter for a tree the index does not hold") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document indexed("x = 1\n", *parser);
  SemanticModel model(indexed);
  syntax::ParentIndex::Use use(model.parents());
  Document other("y = f(2)\n", *parser);
  TSNode call =
      ts_node_named_child(ts_node_named_child(ts_node_named_child(other.root(), 0), 0), 1);
  REQUIRE(syntax::nodeType(call) == "call");
  CHECK(syntax::nodeType(syntax::parentOf(call)) == "assignment");
}
