// SemanticModel: imports and aliases, functions, loop depth of sites, bindings, comments, and
// siteOf agreeing with the sites recorded by the walk.
#include "analysis/semantic/semantic_model.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace perfhint;

namespace {

// A parsed snippet and its model (the model refers to the document: neither moves).
struct Analyzed {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document;
  SemanticModel model;

  explicit Analyzed(std::string text) : document(std::move(text), *parser), model(document) {}
  Analyzed(const Analyzed&) = delete;
  Analyzed& operator=(const Analyzed&) = delete;

  /// The first import binding of `local`.
  const ImportBinding& import(std::string_view local) const {
    for (const ImportBinding& binding : model.imports()) {
      if (binding.localName == local) return binding;
    }
    FAIL("no import binds " << local);
    throw;  // unreachable: FAIL throws
  }

  /// The site of the call whose callee's text is `callee`.
  const Site& call(std::string_view callee) const {
    for (const Site& site : model.sites(NodeKind::Call)) {
      if (document.text(syntax::childByField(site.node, "function")) == callee) return site;
    }
    FAIL("no call of " << callee);
    throw;
  }

  /// Index of the function named `name`.
  int32_t function(std::string_view name) const {
    const auto& functions = model.functions();
    for (size_t i = 0; i < functions.size(); ++i) {
      if (functions[i].name == name) return static_cast<int32_t>(i);
    }
    FAIL("no function " << name);
    throw;
  }

  /// The smallest node spanning the first occurrence of `needle`.
  TSNode nodeOf(std::string_view needle) const {
    size_t at = document.text().find(needle);
    REQUIRE(at != std::string::npos);
    auto start = static_cast<uint32_t>(at);
    return ts_node_descendant_for_byte_range(document.root(), start,
                                             start + static_cast<uint32_t>(needle.size()));
  }

  uint32_t offsetOf(std::string_view needle) const {
    return static_cast<uint32_t>(document.text().find(needle));
  }
};

}  // namespace

TEST_CASE("imports bind local names to qualified names") {
  Analyzed file(
      "import re as regex\n"
      "from time import sleep\n"
      "from os import path as p, sep\n"
      "import os.path\n"
      "import xml.etree.ElementTree as ET\n"
      "import json, csv\n"
      "from . import sibling\n"
      "from .pkg import mod as m\n"
      "from .. import up\n"
      "from collections import *\n");
  CHECK(file.import("regex").qualifiedName == "re");
  CHECK(file.import("sleep").qualifiedName == "time.sleep");
  CHECK(file.import("p").qualifiedName == "os.path");
  CHECK(file.import("sep").qualifiedName == "os.sep");
  CHECK(file.import("os").qualifiedName == "os");  // `import os.path` binds `os`
  CHECK(file.import("ET").qualifiedName == "xml.etree.ElementTree");
  CHECK(file.import("json").qualifiedName == "json");
  CHECK(file.import("csv").qualifiedName == "csv");
  CHECK(file.import("sibling").qualifiedName == ".sibling");
  CHECK(file.import("m").qualifiedName == ".pkg.mod");
  CHECK(file.import("up").qualifiedName == "..up");
  CHECK(file.model.imports().size() == 11);  // the wildcard binds nothing we can name
  for (const ImportBinding& binding : file.model.imports()) {
    CHECK(binding.function == kModuleScope);
    CHECK_FALSE(binding.typeCheckingOnly);
    CHECK_FALSE(binding.guardedByImportError);
  }
}

TEST_CASE("qualifiedName resolves names and attribute chains through imports") {
  Analyzed file(
      "import re as regex\n"
      "from time import sleep\n"
      "import os.path\n"
      "regex.search(a)\n"
      "sleep(1)\n"
      "os.path.join(b)\n"
      "unknown.thing(c)\n"
      "regex.compile(d).match(e)\n");
  auto qualified = [&](std::string_view callee) {
    return file.model.qualifiedName(syntax::childByField(file.call(callee).node, "function"),
                                    kModuleScope);
  };
  CHECK(qualified("regex.search") == "re.search");
  CHECK(qualified("sleep") == "time.sleep");
  CHECK(qualified("os.path.join") == "os.path.join");
  CHECK(qualified("unknown.thing") == "");
  CHECK(qualified("regex.compile(d).match") == "");  // rooted at a call, not a name
  CHECK(qualified("regex.compile") == "re.compile");
}

TEST_CASE("function-local imports resolve in their function and the functions inside it") {
  Analyzed file(
      "import json as j\n"
      "def outer():\n"
      "    import pickle as j\n"
      "    import csv\n"
      "    def inner():\n"
      "        j.loads(x)\n"
      "    csv.reader(y)\n"
      "def other():\n"
      "    j.loads(z)\n"
      "csv.writer(w)\n");
  int32_t outer = file.function("outer");
  CHECK(file.import("csv").function == outer);
  CHECK(file.model.resolveImport("csv", kModuleScope) == nullptr);
  REQUIRE(file.model.resolveImport("csv", outer) != nullptr);

  const Site& inInner = file.call("j.loads");
  CHECK(inInner.function == file.function("inner"));
  CHECK(file.model.qualifiedName(syntax::childByField(inInner.node, "function"),
                                 inInner.function) == "pickle.loads");  // outer's shadows
  const Site& inOther = file.model.sites(NodeKind::Call)[2];
  CHECK(inOther.function == file.function("other"));
  CHECK(file.model.qualifiedName(syntax::childByField(inOther.node, "function"),
                                 inOther.function) == "json.loads");
  const Site& atModule = file.call("csv.writer");
  CHECK(file.model.qualifiedName(syntax::childByField(atModule.node, "function"),
                                 atModule.function) == "");
}

TEST_CASE("imports under TYPE_CHECKING and in try/except ImportError are flagged") {
  Analyzed file(
      "from typing import TYPE_CHECKING\n"
      "import typing\n"
      "if TYPE_CHECKING:\n"
      "    import checked_a\n"
      "else:\n"
      "    import runtime_a\n"
      "if typing.TYPE_CHECKING:\n"
      "    if True:\n"
      "        from pkg import checked_b\n"
      "if not TYPE_CHECKING:\n"
      "    import runtime_b\n"
      "try:\n"
      "    import ujson as fast_json\n"
      "except ImportError:\n"
      "    import json as fallback_json\n"
      "try:\n"
      "    import tomllib\n"
      "except (AttributeError, ModuleNotFoundError) as error:\n"
      "    tomllib = None\n"
      "try:\n"
      "    import decimal\n"
      "except ValueError:\n"
      "    pass\n"
      "def f():\n"
      "    try:\n"
      "        import lzma\n"
      "    except ImportError:\n"
      "        lzma = None\n");
  CHECK(file.import("checked_a").typeCheckingOnly);
  CHECK(file.import("checked_b").typeCheckingOnly);
  CHECK_FALSE(file.import("runtime_a").typeCheckingOnly);  // the else branch runs
  CHECK_FALSE(file.import("runtime_b").typeCheckingOnly);
  CHECK_FALSE(file.import("TYPE_CHECKING").typeCheckingOnly);

  CHECK(file.import("fast_json").guardedByImportError);
  CHECK_FALSE(file.import("fallback_json").guardedByImportError);  // in the handler itself
  CHECK(file.import("tomllib").guardedByImportError);
  CHECK_FALSE(file.import("decimal").guardedByImportError);
  CHECK(file.import("lzma").guardedByImportError);
  CHECK(file.import("lzma").function == file.function("f"));
}

TEST_CASE("functions record names, async flags and nesting") {
  Analyzed file(
      "def plain():\n"
      "    async def inner_async():\n"
      "        def innermost():\n"
      "            pass\n"
      "async def top_async():\n"
      "    pass\n"
      "class C:\n"
      "    @staticmethod\n"
      "    async def method():\n"
      "        pass\n"
      "    def sync_method(self):\n"
      "        pass\n");
  const auto& functions = file.model.functions();
  REQUIRE(functions.size() == 6);
  int32_t plain = file.function("plain"), innerAsync = file.function("inner_async");
  CHECK(functions[plain].parent == kModuleScope);
  CHECK_FALSE(functions[plain].isAsync);
  CHECK(functions[innerAsync].parent == plain);
  CHECK(functions[innerAsync].isAsync);
  CHECK(functions[file.function("innermost")].parent == innerAsync);
  CHECK_FALSE(file.model.isAsync(file.function("innermost")));  // async does not inherit
  CHECK(file.model.isAsync(file.function("top_async")));
  CHECK(file.model.isAsync(file.function("method")));                // decorated
  CHECK(functions[file.function("method")].parent == kModuleScope);  // classes are no scope here
  CHECK_FALSE(file.model.isAsync(file.function("sync_method")));
  CHECK_FALSE(file.model.isAsync(kModuleScope));
}

TEST_CASE("loop depth counts the loops that repeat a node") {
  Analyzed file(
      "once()\n"
      "for a in top_iter():\n"
      "    in_for()\n"
      "    for b in inner_iter(a):\n"
      "        in_nested()\n"
      "        [in_comprehension(c) for c in b]\n"
      "    else:\n"
      "        in_for_else()\n"
      "else:\n"
      "    after_loop()\n"
      "while while_condition():\n"
      "    in_while()\n"
      "else:\n"
      "    in_while_else()\n"
      "[element(x) for x in first_iterable() if condition(x) for y in second_iterable(x)]\n"
      "{key(x): value(x) for x in dict_iterable()}\n"
      "set_result = {set_element(x) for x in xs}\n"
      "total = sum(generator_element(x) for x in xs)\n"
      "[x for x in [inner_element(y) for y in ys]]\n"
      "async def f():\n"
      "    async for item in aiter_source():\n"
      "        in_async_for(item)\n");
  auto depth = [&](std::string_view callee) { return file.call(callee).loopDepth; };
  CHECK(depth("once") == 0);
  CHECK(depth("top_iter") == 0);
  CHECK(depth("in_for") == 1);
  CHECK(depth("inner_iter") == 1);  // evaluated once per outer iteration
  CHECK(depth("in_nested") == 2);
  CHECK(depth("in_comprehension") == 3);
  CHECK(depth("in_for_else") == 1);
  CHECK(depth("after_loop") == 0);
  CHECK(depth("while_condition") == 1);  // the condition runs on every iteration
  CHECK(depth("in_while") == 1);
  CHECK(depth("in_while_else") == 0);
  CHECK(depth("element") == 1);
  CHECK(depth("first_iterable") == 0);  // the first iterable runs once
  CHECK(depth("condition") == 1);
  CHECK(depth("second_iterable") == 1);
  CHECK(depth("key") == 1);
  CHECK(depth("value") == 1);
  CHECK(depth("dict_iterable") == 0);
  CHECK(depth("set_element") == 1);
  CHECK(depth("generator_element") == 1);
  CHECK(depth("sum") == 0);
  CHECK(depth("inner_element") == 1);  // the inner comprehension is the outer's first iterable
  CHECK(depth("aiter_source") == 0);
  CHECK(depth("in_async_for") == 1);

  // The innermost loop and its parent chain.
  const Site& nested = file.call("in_comprehension");
  REQUIRE(nested.loop != kNoLoop);
  const LoopInfo& comprehension = file.model.loops()[nested.loop];
  CHECK(comprehension.kind == NodeKind::ListComprehension);
  CHECK(comprehension.depth == 3);
  REQUIRE(comprehension.parent != kNoLoop);
  const LoopInfo& innerFor = file.model.loops()[comprehension.parent];
  CHECK(innerFor.kind == NodeKind::ForStatement);
  CHECK(innerFor.depth == 2);
  CHECK(file.model.loops()[innerFor.parent].parent == kNoLoop);
  CHECK(file.model.loops()[file.call("in_while").loop].kind == NodeKind::WhileStatement);
}

TEST_CASE("a function defined inside a loop starts again at depth zero") {
  Analyzed file(
      "for a in xs:\n"
      "    @decorator_call()\n"
      "    def inner(d=default_call()) -> annotation_call():\n"
      "        body_call()\n"
      "        for b in ys:\n"
      "            loop_in_inner()\n"
      "    callback = lambda: lambda_call()\n"
      "    class Local:\n"
      "        class_body_call()\n");
  int32_t inner = file.function("inner");
  CHECK(file.call("body_call").function == inner);
  CHECK(file.call("body_call").loopDepth == 0);
  CHECK(file.call("loop_in_inner").loopDepth == 1);
  CHECK(file.model.loops()[file.call("loop_in_inner").loop].parent == kNoLoop);
  // Decorators, defaults and annotations run where the function is defined: in the loop.
  for (std::string_view callee : {"decorator_call", "default_call", "annotation_call"}) {
    CAPTURE(callee);
    CHECK(file.call(callee).function == kModuleScope);
    CHECK(file.call(callee).loopDepth == 1);
  }
  CHECK(file.call("class_body_call").loopDepth == 1);  // a class body runs where it stands
  CHECK(file.call("lambda_call").loopDepth == 1);      // lambdas are not functions to the model
}

TEST_CASE("siteOf agrees with the sites recorded by the walk") {
  Analyzed file(
      "import os\n"
      "for a in top():\n"
      "    first(a)\n"
      "    while cond():\n"
      "        [elem(x) for x in src() if test(x)]\n"
      "def f(p=default()):\n"
      "    for b in it():\n"
      "        def g():\n"
      "            deep()\n"
      "        h(b)\n"
      "    return {k(v): v for v in w()}\n");
  for (const Site& site : file.model.sites(NodeKind::Call)) {
    Site found = file.model.siteOf(site.node);
    CAPTURE(file.document.text(site.node));
    CHECK(found.function == site.function);
    CHECK(found.loop == site.loop);
    CHECK(found.loopDepth == site.loopDepth);
  }
  // Any node, not only recorded ones: the argument `b` of h(b).
  Site argument = file.model.siteOf(file.nodeOf("b)"));
  CHECK(argument.function == file.function("f"));
  CHECK(argument.loopDepth == 1);
}

TEST_CASE("bindings record simple assignments with the shape of their value") {
  Analyzed file(
      "import numpy as np\n"
      "empty_list = []\n"
      "empty_string = ''\n"
      "empty_fstring = f\"\"\n"
      "empty_dict = {}\n"
      "list_display = [1, 2]\n"
      "comprehension = [i for i in r]\n"
      "string = 'abc'\n"
      "dict_display = {1: 2}\n"
      "set_display = {1}\n"
      "zeros = np.zeros(3)\n"
      "plain_call = make()\n"
      "method_call = obj.build()\n"
      "number = 1\n"
      "annotated: list = []\n"
      "a, b = 1, 2\n"
      "obj.attr = []\n"
      "items[0] = []\n"
      "counter += 1\n"
      "print(walrus := [])\n");
  auto binding = [&](std::string_view name) -> const Binding* {
    for (const Binding& b : file.model.bindings()) {
      if (b.name == name) return &b;
    }
    return nullptr;
  };
  auto shape = [&](std::string_view name) {
    const Binding* found = binding(name);
    REQUIRE(found != nullptr);
    return found->shape;
  };
  CHECK(shape("empty_list") == ValueShape::EmptyList);
  CHECK(shape("empty_string") == ValueShape::EmptyString);
  CHECK(shape("empty_fstring") == ValueShape::EmptyString);
  CHECK(shape("empty_dict") == ValueShape::EmptyDict);
  CHECK(shape("list_display") == ValueShape::ListDisplay);
  CHECK(shape("comprehension") == ValueShape::ListComprehension);
  CHECK(shape("string") == ValueShape::StringLiteral);
  CHECK(shape("dict_display") == ValueShape::DictDisplay);
  CHECK(shape("set_display") == ValueShape::SetDisplay);
  CHECK(shape("zeros") == ValueShape::Call);
  CHECK(binding("zeros")->callee == "numpy.zeros");
  CHECK(binding("plain_call")->callee == "make");
  CHECK(binding("method_call")->callee == "obj.build");
  CHECK(shape("number") == ValueShape::Other);
  CHECK(shape("annotated") == ValueShape::EmptyList);
  CHECK(file.document.text(binding("string")->value) == "'abc'");
  CHECK(syntax::nodeType(binding("string")->statement) == "expression_statement");
  // Not `name = value` statements of a plain name.
  CHECK(binding("a") == nullptr);
  CHECK(binding("attr") == nullptr);
  CHECK(binding("items") == nullptr);
  CHECK(binding("counter") == nullptr);
  CHECK(binding("walrus") == nullptr);
}

TEST_CASE("bindingBefore finds the last binding in the same scope before an offset") {
  Analyzed file(
      "x = []\n"
      "x = ''\n"
      "def f():\n"
      "    use(x)\n"
      "    x = {}\n"
      "    use_again(x)\n"
      "use_at_module(x)\n"
      "x = 1\n");
  int32_t f = file.function("f");
  CHECK(file.model.bindingBefore("x", kModuleScope, 0) == nullptr);
  const Binding* atModule = file.model.bindingBefore("x", kModuleScope, file.offsetOf("use_at"));
  REQUIRE(atModule != nullptr);
  CHECK(atModule->shape == ValueShape::EmptyString);  // not the later `x = 1`
  CHECK(file.model.bindingBefore("x", f, file.offsetOf("use(")) == nullptr);  // own scope only
  const Binding* inF = file.model.bindingBefore("x", f, file.offsetOf("use_again"));
  REQUIRE(inF != nullptr);
  CHECK(inF->shape == ValueShape::EmptyDict);
  CHECK(inF->function == f);
  CHECK(file.model.bindingBefore("y", kModuleScope, 1000) == nullptr);
}

TEST_CASE("comments are recorded in order and hasCommentIn sees any overlap") {
  Analyzed file(
      "a = [  # first\n"
      "    1,\n"
      "]\n"
      "b = 2  # second\n"
      "s = '# not a comment'\n");
  REQUIRE(file.model.comments().size() == 2);
  CHECK(file.document.text(file.model.comments()[0]) == "# first");
  CHECK(file.document.text(file.model.comments()[1]) == "# second");
  ByteRange list = rangeOf(file.nodeOf("[  # first\n    1,\n]"));
  CHECK(file.model.hasCommentIn(list));
  ByteRange b{file.offsetOf("b = 2"), file.offsetOf("b = 2") + 5};
  CHECK_FALSE(file.model.hasCommentIn(b));
  CHECK(file.model.hasCommentIn({b.start, b.end + 4}));  // cuts into `# second`
  CHECK_FALSE(file.model.hasCommentIn(rangeOf(file.nodeOf("'# not a comment'"))));
  CHECK_FALSE(file.model.hasCommentIn({0, 0}));
  CHECK(file.model.hasCommentIn({0, static_cast<uint32_t>(file.document.text().size())}));
}
