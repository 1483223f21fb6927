// onlyComputes and moduleFunctionNamed: which calls count as pure computation.
#include "analysis/rules/support/computation_only.h"

#include <doctest/doctest.h>

#include <string>

using namespace perfhint;

namespace {

// Whether the body of the module's function `name` only computes, in a snippet.
bool bodyOnlyComputes(const std::string& text, std::string_view name) {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document(text, *parser);
  SemanticModel model(document);
  int32_t function = moduleFunctionNamed(name, model);
  REQUIRE(function >= 0);
  TSNode body = syntax::childByField(model.functions()[static_cast<size_t>(function)].node, "body");
  return onlyComputes(body, model, function);
}

}  // namespace

TEST_CASE(
    "builtins, math and string methods compute, while print, open and unknown calls may wait") {
  CHECK(bodyOnlyComputes("import math\ndef f(xs):\n    return [math.sqrt(abs(x)) for x in xs]\n",
                         "f"));
  CHECK(bodyOnlyComputes("def f(s):\n    return s.strip().lower().split(',')\n", "f"));
  CHECK_FALSE(bodyOnlyComputes("def f(xs):\n    for x in xs:\n        print(x)\n", "f"));
  CHECK_FALSE(bodyOnlyComputes("def f(p):\n    return len(open(p).read())\n", "f"));
  CHECK_FALSE(bodyOnlyComputes("def f(db, x):\n    db.insert(x)\n", "f"));
  CHECK_FALSE(bodyOnlyComputes("import time\ndef f():\n    time.sleep(1)\n", "f"));
  CHECK_FALSE(bodyOnlyComputes("def f(lock):\n    with lock:\n        pass\n", "f"));
}

TEST_CASE("container methods count only on a container the function made") {
  CHECK(bodyOnlyComputes("def f(xs):\n    out = []\n    out.append(len(xs))\n", "f"));
  CHECK(bodyOnlyComputes("def f(xs):\n    seen = set(xs)\n    seen.add(1)\n", "f"));
  CHECK_FALSE(bodyOnlyComputes("def f(session, x):\n    session.add(x)\n", "f"));
}

TEST_CASE("module functions are followed, rebound builtins and nested defs handled") {
  CHECK(bodyOnlyComputes("def g(x):\n    return x * 2\ndef f(x):\n    return g(x) + 1\n", "f"));
  CHECK_FALSE(bodyOnlyComputes("def g(x):\n    input()\ndef f(x):\n    return g(x)\n", "f"));
  CHECK_FALSE(bodyOnlyComputes("len = print\ndef f(x):\n    return len(x)\n", "f"));
  // A nested def does not run where it is defined.
  CHECK(bodyOnlyComputes("def f(x):\n    def g():\n        print(x)\n    return x + 1\n", "f"));
}

TEST_CASE("moduleFunctionNamed finds one top-level undecorated def") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document(
      "def a(): pass\n"
      "def b(): pass\n"
      "def b(): pass\n"
      "@wrap\n"
      "def c(): pass\n"
      "class K:\n"
      "    def d(self): pass\n",
      *parser);
  SemanticModel model(document);
  CHECK(moduleFunctionNamed("a", model) == 0);
  CHECK(moduleFunctionNamed("b", model) == -1);
  CHECK(moduleFunctionNamed("c", model) == -1);
  CHECK(moduleFunctionNamed("d", model) == -1);
  CHECK(moduleFunctionNamed("e", model) == -1);
}
