// Document: parsing, node text, and incremental edits that must give the same tree as a fresh
// parse of the edited text (checked on random edit sequences with a fixed seed).
#include "analysis/syntax/document.h"

#include <doctest/doctest.h>

#include <array>
#include <cstdlib>  // free
#include <random>
#include <string>
#include <string_view>

using namespace perfhint;

namespace {

// ts_node_string allocates with malloc; the caller frees.
std::string sexpOf(TSNode node) {
  char* raw = ts_node_string(node);
  std::string result(raw);
  std::free(raw);
  return result;
}

bool samePoint(TSPoint a, TSPoint b) {
  return a.row == b.row && a.column == b.column;
}

// Whether both trees have the same nodes at the same bytes and points (ts_node_string shows
// neither, and a wrong point in an edit would go unseen).
bool samePositions(TSNode a, TSNode b) {
  syntax::TreeCursor left(a), right(b);
  while (true) {
    TSNode x = left.node(), y = right.node();
    if (ts_node_symbol(x) != ts_node_symbol(y) || ts_node_start_byte(x) != ts_node_start_byte(y) ||
        ts_node_end_byte(x) != ts_node_end_byte(y) ||
        !samePoint(ts_node_start_point(x), ts_node_start_point(y)) ||
        !samePoint(ts_node_end_point(x), ts_node_end_point(y))) {
      return false;
    }
    bool down = left.gotoFirstChild();
    if (down != right.gotoFirstChild()) return false;
    if (down) continue;
    while (true) {
      bool next = left.gotoNextSibling();
      if (next != right.gotoNextSibling()) return false;
      if (next) break;
      bool up = left.gotoParent();
      if (up != right.gotoParent()) return false;
      if (!up) return true;
    }
  }
}

constexpr std::string_view kBase =
    "import os\n"
    "from re import compile as rc\n"
    "\n"
    "class Point:\n"
    "    def __init__(self, x, y=0):\n"
    "        self.x = x\n"
    "        self.y = y\n"
    "\n"
    "async def fetch(items, *, limit=10):\n"
    "    result = []\n"
    "    for i, item in enumerate(items):\n"
    "        if i > limit:\n"
    "            break\n"
    "        result.append(f\"{item!r:>10} {i}\")\n"
    "    while result and result[-1] is None:\n"
    "        result.pop()\n"
    "    return [r for r in result if r]\n"
    "\n"
    "def main():\n"
    "    try:\n"
    "        data = {'a': 1, \"b\": [1, 2, 3]}\n"
    "    except (KeyError, ValueError) as e:\n"
    "        print(e)  # report\n"
    "    with open(os.path.join('a', 'b')) as f:\n"
    "        s = f.read()\n"
    "    return lambda v: v ** 2 + len(s)\n";

// Fragments of Python: whole tokens, half tokens, openers without closers, indentation and
// line ends (CRLF too), so edits go through valid and broken states alike.
constexpr std::array<std::string_view, 44> kSnippets = {
    "x",
    "value",
    "_y2",
    "1",
    "3.5",
    "0x1F",
    " ",
    "    ",
    "\n",
    "\r\n",
    "\n    ",
    "\t",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    " + ",
    " * ",
    " == ",
    " = ",
    "'s'",
    "\"",
    "'",
    "f\"{x}\"",
    "\"\"\"doc\"\"\"",
    "# note\n",
    "\\\n",
    "def g():\n    pass\n",
    "for k in y:\n",
    "if a:\n",
    "else:\n",
    "return ",
    "await ",
    "lambda: 0",
    "not ",
    "async ",
    "yield",
    "@deco\n",
    "[i for i in z]",
};

struct RandomEdit {
  ByteRange range;
  std::string replacement;
};

RandomEdit randomEdit(std::mt19937& random, const std::string& text) {
  auto size = static_cast<uint32_t>(text.size());
  auto below = [&](uint32_t bound) {
    return std::uniform_int_distribution<uint32_t>(0, bound)(random);
  };
  uint32_t start = below(size);
  uint32_t removed = std::min(size - start, below(12));
  std::string replacement;
  switch (below(2)) {
    case 0:  // insert
      removed = 0;
      [[fallthrough]];
    case 1:  // replace
      for (uint32_t i = 0, n = 1 + below(2); i < n; ++i) {
        replacement += kSnippets[below(static_cast<uint32_t>(kSnippets.size() - 1))];
      }
      break;
    default:  // delete
      removed = std::max(removed, 1u);
      removed = std::min(removed, size - start);
      break;
  }
  return {{start, start + removed}, std::move(replacement)};
}

}  // namespace

TEST_CASE("Document parses text and gives node text") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document("x = [1, 2]\nprint(x)\n", *parser);
  CHECK_FALSE(document.hasSyntaxErrors());
  CHECK(syntax::nodeType(document.root()) == "module");
  TSNode assignment = ts_node_named_child(ts_node_named_child(document.root(), 0), 0);
  CHECK(syntax::nodeType(assignment) == "assignment");
  CHECK(document.text(assignment) == "x = [1, 2]");
  CHECK(document.text(syntax::childByField(assignment, "right")) == "[1, 2]");
  CHECK(document.text(ByteRange{11, 16}) == "print");
  CHECK(rangeOf(assignment) == ByteRange{0, 10});
  CHECK(document.lines().lineCount() == 3);
  // An absent optional field is a null node: no text, no type, no crash.
  TSNode absent = syntax::childByField(assignment, "type");
  CHECK(ts_node_is_null(absent));
  CHECK(document.text(absent).empty());
  CHECK(syntax::nodeType(absent).empty());

  Document broken("def f(:\n", *parser);
  CHECK(broken.hasSyntaxErrors());
}

TEST_CASE("Document applyEdit updates text, lines and tree") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document("a = 1\nb = 2\n", *parser);
  document.applyEdit({4, 5}, "(1 +\n  2)", *parser);
  CHECK(document.text() == "a = (1 +\n  2)\nb = 2\n");
  CHECK(document.lines().lineCount() == 4);
  CHECK_FALSE(document.hasSyntaxErrors());
  TSNode second = ts_node_named_child(document.root(), 1);
  CHECK(ts_node_start_point(second).row == 2);

  // A range past the end is clamped: this appends.
  document.applyEdit({1000, 2000}, "c = 3\n", *parser);
  CHECK(document.text() == "a = (1 +\n  2)\nb = 2\nc = 3\n");
  CHECK(ts_node_named_child_count(document.root()) == 3);

  // Deleting everything leaves an empty module.
  document.applyEdit({0, 1000}, "", *parser);
  CHECK(document.text().empty());
  CHECK(ts_node_named_child_count(document.root()) == 0);
  CHECK(document.lines().lineCount() == 1);
}

TEST_CASE("incremental reparse equals a fresh parse after random edits") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  std::mt19937 random(20240611);
  constexpr int kSequences = 300;
  constexpr int kEditsPerSequence = 8;
  int mismatches = 0;
  for (int sequence = 0; sequence < kSequences && mismatches == 0; ++sequence) {
    Document document(std::string(kBase), *parser);
    for (int step = 0; step < kEditsPerSequence; ++step) {
      RandomEdit edit = randomEdit(random, document.text());
      std::string before = document.text();
      document.applyEdit(edit.range, edit.replacement, *parser);

      Document fresh(document.text(), *parser);
      std::string incremental = sexpOf(document.root());
      std::string expected = sexpOf(fresh.root());
      if (incremental != expected || !samePositions(document.root(), fresh.root())) {
        ++mismatches;
        CAPTURE(sequence);
        CAPTURE(step);
        CAPTURE(before);
        CAPTURE(edit.range.start);
        CAPTURE(edit.range.end);
        CAPTURE(edit.replacement);
        CHECK(incremental == expected);
        CHECK(samePositions(document.root(), fresh.root()));
        break;
      }
    }
  }
  CHECK(mismatches == 0);
}
