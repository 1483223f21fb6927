// Reading .ipynb JSON and writing back only the changed cells' sources, byte for byte otherwise.
#include "server/cli/notebook_file.h"

#include <doctest/doctest.h>

using namespace perfhint::cli;

namespace {

// What `json.dump(nb, f, indent=1, ensure_ascii=False)` writes, as Jupyter does.
const char* const kJupyterStyle = R"({
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Title"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [],
   "source": [
    "for w in words:\n",
    "    w in [\"é\", \"b\"]"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [],
   "source": []
  }
 ],
 "metadata": {
  "kernelspec": {
   "language": "python",
   "name": "python3"
  }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
)";

NotebookFile parsed(std::string text) {
  auto result = parseNotebook(std::move(text));
  REQUIRE(std::holds_alternative<NotebookFile>(result));
  return std::get<NotebookFile>(std::move(result));
}

}  // namespace

TEST_CASE("parseNotebook reads the code cells, their positions and the language") {
  NotebookFile notebook = parsed(kJupyterStyle);
  CHECK(notebook.isPython);
  REQUIRE(notebook.codeCells.size() == 2);
  CHECK(notebook.codeCells[0].index == 1);
  CHECK(notebook.codeCells[0].source == "for w in words:\n    w in [\"\xc3\xa9\", \"b\"]");
  CHECK(notebook.codeCells[0].lineStarts.size() == 2);
  CHECK(notebook.codeCells[1].index == 2);
  CHECK(notebook.codeCells[1].source.empty());
  std::string_view value = std::string_view(notebook.text)
                               .substr(notebook.codeCells[1].sourceValue.start,
                                       notebook.codeCells[1].sourceValue.length());
  CHECK(value == "[]");
}

TEST_CASE("parseNotebook refuses broken JSON and notebooks without cells, and spots R") {
  auto broken = parseNotebook("{\"cells\": [");
  REQUIRE(std::holds_alternative<std::string>(broken));
  CHECK(std::get<std::string>(broken).starts_with("invalid notebook JSON: parse error at line 1"));
  auto noCells = parseNotebook("{\"metadata\": {}}");
  REQUIRE(std::holds_alternative<std::string>(noCells));
  CHECK(std::get<std::string>(noCells) == "not a notebook: no \"cells\" list");
  auto badSource = parseNotebook(R"({"cells": [{"cell_type": "code", "source": 3}]})");
  REQUIRE(std::holds_alternative<std::string>(badSource));
  CHECK(std::get<std::string>(badSource) ==
        "cell 1: \"source\" is neither a string nor a list of strings");
  NotebookFile r =
      parsed(R"({"cells": [], "metadata": {"language_info": {"name": "R"}}, "nbformat": 4})");
  CHECK_FALSE(r.isPython);
}

TEST_CASE("rewriteNotebook changes only the changed cells' sources, in the file's style") {
  NotebookFile notebook = parsed(kJupyterStyle);
  std::string expected = kJupyterStyle;
  auto replace = [&](std::string_view from, std::string_view to) {
    expected.replace(expected.find(from), from.size(), to);
  };
  replace(R"(    "    w in [\"é\", \"b\"]")", R"(    "    w in {\"é\", \"b\"}")");
  replace("\"source\": []", "\"source\": [\n    \"print(1)\\n\",\n    \"x\"\n   ]");
  CHECK(rewriteNotebook(notebook, {"for w in words:\n    w in {\"\xc3\xa9\", \"b\"}",
                                   "print(1)\nx"}) == expected);
  // Nothing changed: the same bytes.
  CHECK(rewriteNotebook(notebook, {std::nullopt, std::nullopt}) == kJupyterStyle);
}

TEST_CASE("rewriteNotebook keeps 4-space indentation, string sources and ASCII escapes") {
  std::string fourSpaces =
      "{\n    \"cells\": [\n        {\n            \"cell_type\": \"code\",\n"
      "            \"source\": [\n                \"a = 1\\n\",\n                \"b\"\n"
      "            ]\n        },\n        {\"cell_type\": \"code\", \"source\": \"x\\u00e9\"}\n"
      "    ]\n}";
  NotebookFile notebook = parsed(fourSpaces);
  std::string rewritten = rewriteNotebook(notebook, {"a = 2\nb\n", "y\xc3\xa9"});
  CHECK(rewritten ==
        "{\n    \"cells\": [\n        {\n            \"cell_type\": \"code\",\n"
        "            \"source\": [\n                \"a = 2\\n\",\n                \"b\\n\"\n"
        "            ]\n        },\n        {\"cell_type\": \"code\", \"source\": \"y\\u00e9\"}\n"
        "    ]\n}");
}

TEST_CASE("rewriteNotebook keeps Windows line ends, and a byte order mark is read past") {
  std::string crlf =
      "\xEF\xBB\xBF{\r\n \"cells\": [\r\n  {\r\n   \"cell_type\": \"code\",\r\n"
      "   \"source\": [\r\n    \"a = 1\"\r\n   ]\r\n  }\r\n ]\r\n}\r\n";
  NotebookFile notebook = parsed(crlf);
  REQUIRE(notebook.codeCells.size() == 1);
  CHECK(rewriteNotebook(notebook, {"a = 2\nb"}) ==
        "\xEF\xBB\xBF{\r\n \"cells\": [\r\n  {\r\n   \"cell_type\": \"code\",\r\n"
        "   \"source\": [\r\n    \"a = 2\\n\",\r\n    \"b\"\r\n   ]\r\n  }\r\n ]\r\n}\r\n");
}
