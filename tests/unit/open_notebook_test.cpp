// A notebook in the server: cell edits applied to the program at the cell's offset give the same
// program as building it again, magics included; structure changes keep moved cells' text.
#include "server/lsp/open_notebook.h"

#include "analysis/syntax/tree_sitter.h"  // a parser

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::lsp;

namespace {

protocol::TextDocumentContentChangeEvent change(uint32_t line, uint32_t from, uint32_t to,
                                                std::string text) {
  return {protocol::Range{{line, from}, {line, to}}, std::move(text)};
}

NotebookState threeCells() {
  using protocol::NotebookCellKind;
  return NotebookState({{NotebookCellKind::Code, "c1"},
                        {NotebookCellKind::Markup, "c2"},
                        {NotebookCellKind::Code, "c3"}},
                       {{"c1", "python", 1, "import re\n"},
                        {"c2", "markdown", 1, "# Title"},
                        {"c3", "python", 1, "for w in ws:\n    print(w)"}});
}

}  // namespace

TEST_CASE("NotebookState joins the Python code cells and views a cell's lines") {
  NotebookState notebook = threeCells();
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document program(notebook.buildProgram(), *parser);
  CHECK(program.text() == "import re\n\nfor w in ws:\n    print(w)\n");
  CHECK_FALSE(notebook.view("c2", program).has_value());
  auto view = notebook.view("c3", program);
  REQUIRE(view.has_value());
  CHECK(view->cell == 2);
  CHECK(view->firstLine == 2);
}

TEST_CASE("a cell edit is applied to the program in place, magics neutralised as typed") {
  NotebookState notebook = threeCells();
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document program(notebook.buildProgram(), *parser);
  auto encoding = protocol::PositionEncoding::Utf16;
  CHECK(notebook.applyTextChange("c3", 2, change(1, 4, 4, "%"), encoding, &program));
  CHECK(program.text() == "import re\n\nfor w in ws:\n    #print(w)\n");
  CHECK(notebook.cells()[2].source == "for w in ws:\n    %print(w)");
  CHECK(notebook.applyTextChange("c3", 3, change(1, 4, 5, ""), encoding, &program));
  CHECK(notebook.applyTextChange("c1", 2, change(0, 0, 0, "%%time\n"), encoding, &program));
  CHECK(program.text() == "#%time\n#mport re\n\nfor w in ws:\n    print(w)\n");
  CHECK(notebook.cells()[0].version == 2);
  CHECK_FALSE(notebook.applyTextChange("nope", 1, change(0, 0, 0, "x"), encoding, &program));
  // The incremental result is what a rebuild gives, and the tree follows.
  CHECK(program.reparse(*parser));
  CHECK(program.text() == notebook.buildProgram());
}

TEST_CASE("a structure change splices cells and keeps the text of a moved cell") {
  NotebookState notebook = threeCells();
  protocol::NotebookCellStructureChange move;
  move.array = {0, 1, {}};  // c1 removed ...
  notebook.applyStructure(move);
  protocol::NotebookCellStructureChange insert;
  insert.array = {
      2, 0, {{protocol::NotebookCellKind::Code, "c1"}, {protocol::NotebookCellKind::Code, "c4"}}};
  insert.didOpen = {{"c4", "python", 1, "x = 1"}};
  notebook.applyStructure(insert);  // ... and put back at the end: c1 keeps no text now
  REQUIRE(notebook.cells().size() == 4);
  CHECK(notebook.cells()[0].uri == "c2");
  CHECK(notebook.cells()[2].uri == "c1");
  CHECK(notebook.buildProgram() == "for w in ws:\n    print(w)\nx = 1\n");

  NotebookState swapped = threeCells();
  protocol::NotebookCellStructureChange swap;
  swap.array = {0,
                3,
                {{protocol::NotebookCellKind::Code, "c3"},
                 {protocol::NotebookCellKind::Markup, "c2"},
                 {protocol::NotebookCellKind::Code, "c1"}}};
  swapped.applyStructure(swap);
  CHECK(swapped.buildProgram() == "for w in ws:\n    print(w)\nimport re\n\n");
}
