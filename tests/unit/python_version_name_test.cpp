// `target-version` names.
#include "config/python_version_name.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::config;

TEST_CASE("target-version names") {
  CHECK(parsePythonVersion("py38") == PythonVersion{3, 8});
  CHECK(parsePythonVersion("py314") == PythonVersion{3, 14});
  CHECK(!parsePythonVersion("py37"));
  CHECK(!parsePythonVersion("py315"));
  CHECK(!parsePythonVersion("py3"));
  CHECK(!parsePythonVersion("py309"));
  CHECK(!parsePythonVersion("3.10"));
  CHECK(pythonVersionName({3, 10}) == "py310");
}
