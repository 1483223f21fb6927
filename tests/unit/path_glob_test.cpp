// Globs of `exclude` and `per-file-ignores`.
#include "config/path_glob.h"

#include <doctest/doctest.h>

using namespace perfhint::config;

TEST_CASE("globMatches: * within a component, ** across components") {
  CHECK(globMatches("*.py", "a.py"));
  CHECK(!globMatches("*.py", "d/a.py"));
  CHECK(globMatches("tests/*.py", "tests/a.py"));
  CHECK(!globMatches("tests/*.py", "tests/sub/a.py"));
  CHECK(globMatches("tests/**/*.py", "tests/a.py"));
  CHECK(globMatches("tests/**/*.py", "tests/sub/deep/a.py"));
  CHECK(globMatches("**/gen_?.py", "x/y/gen_1.py"));
  CHECK(globMatches("./src/[ab].py", "src/a.py"));
}

TEST_CASE("pathMatches: name globs at any depth, path globs from the base, parents count") {
  PathPattern name{"tests", "/p"};
  CHECK(pathMatches(name, "/p/tests/a.py"));
  CHECK(pathMatches(name, "/p/pkg/tests/sub/a.py"));
  CHECK(!pathMatches(name, "/p/pkg/test_a.py"));
  CHECK(!pathMatches(name, "/elsewhere/tests/a.py"));  // outside the base

  PathPattern init{"__init__.py", "/p"};
  CHECK(pathMatches(init, "/p/pkg/__init__.py"));

  PathPattern path{"pkg/gen", "/p"};
  CHECK(pathMatches(path, "/p/pkg/gen/a.py"));         // a parent directory matches
  CHECK(!pathMatches(path, "/p/other/pkg/gen/a.py"));  // anchored at the base

  PathPattern files{"tests/*.py", "/p/sub"};
  CHECK(pathMatches(files, "/p/sub/tests/t.py"));
  CHECK(!pathMatches(files, "/p/tests/t.py"));
}
