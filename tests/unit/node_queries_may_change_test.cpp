// mayChangeVariableIn (analysis/syntax/node_queries.h) on snippets: which uses of a variable
// leave it and its object alone.
#include "analysis/syntax/document.h"
#include "analysis/syntax/node_queries.h"

#include <doctest/doctest.h>

#include <string>

using namespace perfhint;

namespace {

// Whether code in the snippet may change `name`.
bool changes(const std::string& text, std::string_view name = "xs") {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document(text, *parser);
  return mayChangeVariableIn(document.root(), document.text(), name);
}

}  // namespace

TEST_CASE("reads leave a variable alone") {
  CHECK_FALSE(changes("for k in ks:\n    print(k in xs, xs[k], len(xs), xs.index(k))\n"));
  CHECK_FALSE(changes("for k in ks:\n    if xs and k not in xs:\n        out.extend(xs)\n"));
  CHECK_FALSE(changes("for k in ks:\n    other[xs[0]] = sorted(xs)\n    y = xs + [k]\n"));
  CHECK_FALSE(changes("for k in ks:\n    for x in xs:\n        pass\n"));
}

TEST_CASE("bindings, stores, other methods and escapes count as changes") {
  CHECK(changes("for xs in ks:\n    pass\n"));
  CHECK(changes("for k in ks:\n    xs += [k]\n"));
  CHECK(changes("for k in ks:\n    xs[k] = 1\n"));
  CHECK(changes("for k in ks:\n    del xs[k]\n"));
  CHECK(changes("for k in ks:\n    xs.attr = 1\n"));
  CHECK(changes("for k in ks:\n    xs.append(k)\n"));
  CHECK(changes("for k in ks:\n    update(xs)\n"));
  CHECK(changes("for k in ks:\n    alias = xs\n"));
  CHECK(changes("for k in ks:\n    out.append(xs)\n"));
}
