// Reading configuration files: every key, pyproject.toml's table, `extend`, and bad files
// reported with file, line and key.
#include "config/config_file.h"

#include "tests/unit/config_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::config;
using perfhint::testing::ScratchTree;

namespace {

std::vector<std::string> describe(const std::vector<ConfigError>& errors) {
  std::vector<std::string> lines;
  for (const ConfigError& error : errors) lines.push_back(error.describe());
  return lines;
}

}  // namespace

TEST_CASE("perfhint.toml: every key at the top level") {
  ScratchTree tree;
  auto file = tree.write("perfhint.toml",
                         "select = ['PH7']\n"
                         "extend-select = ['PH1']\n"
                         "ignore = ['PH703']\n"
                         "exclude = ['build']\n"
                         "extend-exclude = ['gen/*.py']\n"
                         "target-version = 'py39'\n"
                         "unsafe-fixes = true\n"
                         "respect-gitignore = false\n"
                         "[per-file-ignores]\n"
                         "'tests/*' = ['PH701', 'PH2']\n"
                         "[severity]\n"
                         "PH701 = 'error'\n");
  ConfigLoad load = loadConfigFile(file);
  REQUIRE(load.errors.empty());
  REQUIRE(load.config);
  REQUIRE(load.config->layers.size() == 1);
  const ConfigLayer& layer = load.config->layers[0];
  CHECK(layer.select == std::vector<std::string>{"PH7"});
  CHECK(layer.extendSelect == std::vector<std::string>{"PH1"});
  CHECK(layer.ignore == std::vector<std::string>{"PH703"});
  REQUIRE(layer.exclude);
  CHECK(layer.exclude->at(0).glob == "build");
  CHECK(layer.exclude->at(0).base == tree.root());
  CHECK(layer.extendExclude.at(0).glob == "gen/*.py");
  CHECK(layer.targetVersion == PythonVersion{3, 9});
  CHECK(layer.unsafeFixes == true);
  CHECK(layer.respectGitignore == false);
  REQUIRE(layer.perFileIgnores.size() == 1);
  CHECK(layer.perFileIgnores[0].pattern.glob == "tests/*");
  CHECK(layer.perFileIgnores[0].codes == std::vector<std::string>{"PH701", "PH2"});
  CHECK(layer.severity.at("PH701") == Severity::Error);
  CHECK(load.config->files == std::vector<std::string>{file.string()});
}

TEST_CASE("pyproject.toml: [tool.perfhint], or nothing at all without it") {
  ScratchTree tree;
  auto with = tree.write("a/pyproject.toml",
                         "[project]\nname = 'x'\n[tool.perfhint]\nignore = ['PH701']\n");
  ConfigLoad load = loadConfigFile(with);
  REQUIRE(load.config);
  CHECK(load.config->layers[0].ignore == std::vector<std::string>{"PH701"});

  auto without = tree.write("b/pyproject.toml", "[project]\nname = 'x'\n[tool.other]\nk = 1\n");
  ConfigLoad none = loadConfigFile(without);
  CHECK(!none.config);
  CHECK(none.errors.empty());
}

TEST_CASE("extend: the base's layers come first; paths are relative to the extending file") {
  ScratchTree tree;
  auto base = tree.write("pyproject.toml", "[tool.perfhint]\nselect = ['PH7']\n");
  auto child =
      tree.write("pkg/perfhint.toml", "extend = '../pyproject.toml'\nignore = ['PH703']\n");
  ConfigLoad load = loadConfigFile(child);
  REQUIRE(load.errors.empty());
  REQUIRE(load.config->layers.size() == 2);
  CHECK(load.config->layers[0].select == std::vector<std::string>{"PH7"});
  CHECK(load.config->layers[1].ignore == std::vector<std::string>{"PH703"});
  CHECK(load.config->files == std::vector<std::string>{child.string(), base.string()});
}

TEST_CASE("extend: a cycle and a missing file are errors on the extend line") {
  ScratchTree tree;
  auto a = tree.write("a/perfhint.toml", "select = ['PH7']\nextend = '../b/perfhint.toml'\n");
  auto b = tree.write("b/perfhint.toml", "extend = '../a/perfhint.toml'\n");
  ConfigLoad cycle = loadConfigFile(a);
  CHECK(!cycle.config);
  CHECK(describe(cycle.errors) == std::vector<std::string>{b.string() + ":1: extend: extends " +
                                                           a.string() + ", which is a cycle"});

  auto self = tree.write("c/perfhint.toml", "extend = 'perfhint.toml'\n");
  CHECK(describe(loadConfigFile(self).errors) ==
        std::vector<std::string>{self.string() + ":1: extend: extends " + self.string() +
                                 ", which is a cycle"});

  auto missing = tree.write("d/perfhint.toml", "\nextend = 'nope.toml'\n");
  CHECK(describe(loadConfigFile(missing).errors) ==
        std::vector<std::string>{missing.string() + ":2: extend: no such file: " +
                                 (tree.root() / "d/nope.toml").string()});
}

TEST_CASE("bad files: syntax errors, unknown keys and bad values, each with line and key") {
  ScratchTree tree;
  auto syntax = tree.write("s/perfhint.toml", "select = ['PH7'\n");
  ConfigLoad broken = loadConfigFile(syntax);
  CHECK(!broken.config);
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].file == syntax.string());
  CHECK(broken.errors[0].line >= 1);

  auto bad = tree.write("pyproject.toml",
                        "[tool.perfhint]\n"
                        "selekt = ['PH7']\n"
                        "select = ['PH999']\n"
                        "unsafe-fixes = 'yes'\n"
                        "target-version = 'py27'\n"
                        "exclude = 'build'\n"
                        "severity = { PH701 = 'loud', PH000 = 'error' }\n"
                        "per-file-ignores = { 'tests/*' = ['XY1'] }\n");
  ConfigLoad load = loadConfigFile(bad);
  CHECK(!load.config);
  std::string f = bad.string();
  CHECK(describe(load.errors) ==
        std::vector<std::string>{
            f + ":2: tool.perfhint.selekt: unknown key",
            f + ":3: tool.perfhint.select: unknown rule code or prefix 'PH999'",
            f + ":4: tool.perfhint.unsafe-fixes: must be true or false",
            f + ":5: tool.perfhint.target-version: must be one of py38, py39, ..., py314",
            f + ":6: tool.perfhint.exclude: must be an array of glob patterns",
            f + ":7: tool.perfhint.severity.PH000: unknown rule code",
            f + ":7: tool.perfhint.severity.PH701: must be \"error\", \"warning\", \"info\" or "
                "\"hint\"",
            f + ":8: tool.perfhint.per-file-ignores.tests/*: unknown rule code or prefix 'XY1'",
        });
}
