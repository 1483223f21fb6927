// Folding configuration layers: precedence (command line > editor > file > defaults),
// per-file-ignores, exclude and the --show-settings text.
#include "config/resolved_config.h"

#include "analysis/rules/registry.h"  // every rule
#include "config/config_file.h"
#include "tests/unit/config_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::config;
using perfhint::testing::ScratchTree;

namespace {

std::vector<std::string> allCodesStartingWith(const ResolvedConfig& config, std::string prefix) {
  std::vector<std::string> codes;
  for (const std::string& code : config.enabled) {
    if (code.starts_with(prefix)) codes.push_back(code);
  }
  return codes;
}

}  // namespace

TEST_CASE("defaults: every rule on by default, newest Python, safe fixes, .gitignore respected") {
  ResolvedConfig config = resolve(std::span<const ConfigLayer>{});
  size_t onByDefault = 0;
  for (const Rule* rule : allRules()) onByDefault += rule->info().enabledByDefault ? 1 : 0;
  CHECK(config.enabled.size() == onByDefault);
  CHECK(config.targetVersion == kNewestPythonVersion);
  CHECK(!config.unsafeFixes);
  CHECK(config.respectGitignore);
  CHECK(config.exclude.empty());
}

TEST_CASE("precedence: each layer overrides the ones below it") {
  ConfigLayer file;
  file.select = {"PH701", "PH702", "PH703"};
  file.targetVersion = PythonVersion{3, 9};
  file.unsafeFixes = true;
  file.severity["PH701"] = Severity::Error;
  file.severity["PH702"] = Severity::Error;
  ConfigLayer editor;
  editor.ignore = {"PH702"};
  editor.unsafeFixes = false;
  editor.severity["PH701"] = Severity::Hint;
  ConfigLayer commandLine;
  commandLine.extendSelect = {"PH702"};
  commandLine.targetVersion = PythonVersion{3, 12};

  std::vector<ConfigLayer> layers{file, editor, commandLine};
  ResolvedConfig config = resolve(layers);
  CHECK(config.enabled == std::vector<std::string>{"PH701", "PH702", "PH703"});
  CHECK(config.targetVersion == PythonVersion{3, 12});
  CHECK(!config.unsafeFixes);
  CHECK(config.severity.at("PH701") == Severity::Hint);
  CHECK(config.severity.at("PH702") == Severity::Error);

  // Without the command line, the editor's ignore stands.
  std::vector<ConfigLayer> fileAndEditor{file, editor};
  CHECK(resolve(fileAndEditor).enabled == std::vector<std::string>{"PH701", "PH703"});

  // A select higher up replaces the file's selection entirely.
  ConfigLayer select;
  select.select = {"PH1"};
  std::vector<ConfigLayer> replaced{file, select};
  CHECK(allCodesStartingWith(resolve(replaced), "PH7").empty());
  CHECK(!allCodesStartingWith(resolve(replaced), "PH1").empty());
}

TEST_CASE("per-file-ignores switch rules off only for matching files") {
  ConfigLayer layer;
  layer.perFileIgnores.push_back({{"tests/*.py", "/p"}, {"PH701"}});
  layer.perFileIgnores.push_back({{"__init__.py", "/p"}, {"PH7"}});
  std::vector<ConfigLayer> layers{layer};
  ResolvedConfig config = resolve(layers);
  CHECK(selectionFor(config, "/p/src/a.py").isEnabled("PH701"));
  CHECK(!selectionFor(config, "/p/tests/t.py").isEnabled("PH701"));
  CHECK(selectionFor(config, "/p/tests/t.py").isEnabled("PH702"));
  CHECK(!selectionFor(config, "/p/pkg/__init__.py").isEnabled("PH702"));
  CHECK(selectionFor(config, "/other/tests/t.py").isEnabled("PH701"));
}

TEST_CASE("exclude is replaced by a higher layer, extend-exclude adds") {
  ConfigLayer file;
  file.exclude = std::vector<PathPattern>{{"build", "/p"}};
  file.extendExclude = {{"gen", "/p"}};
  ConfigLayer commandLine;
  commandLine.exclude = std::vector<PathPattern>{{"dist", "/p"}};
  std::vector<ConfigLayer> fileOnly{file};
  CHECK(isExcluded(resolve(fileOnly), "/p/build/a.py"));
  CHECK(isExcluded(resolve(fileOnly), "/p/gen/a.py"));
  CHECK(!isExcluded(resolve(fileOnly), "/p/src/a.py"));
  std::vector<ConfigLayer> both{file, commandLine};
  CHECK(!isExcluded(resolve(both), "/p/build/a.py"));
  CHECK(isExcluded(resolve(both), "/p/dist/a.py"));
}

TEST_CASE("a loaded file's layers resolve under the overrides; --show-settings text") {
  ScratchTree tree;
  auto base = tree.write("pyproject.toml",
                         "[tool.perfhint]\nselect = ['PH701', 'PH702', 'PH703']\n"
                         "target-version = 'py38'\n");
  auto file = tree.write("pkg/perfhint.toml",
                         "extend = '../pyproject.toml'\n"
                         "per-file-ignores = { 'test_*.py' = ['PH703'] }\n"
                         "severity = { PH701 = 'error' }\n");
  ConfigLoad load = loadConfigFile(file);
  REQUIRE(load.config);
  ConfigLayer commandLine;
  commandLine.ignore = {"PH702"};
  ResolvedConfig config = resolve(&*load.config, std::span(&commandLine, 1));
  std::string root = tree.root().string();
  CHECK(formatSettings(config, tree.root() / "pkg/test_a.py") ==
        "# file: " + root +
            "/pkg/test_a.py\n"
            "# configuration files: " +
            file.string() +
            "\n"
            "#   extends " +
            base.string() +
            "\n"
            "enabled = [\"PH701\", \"PH703\"]\n"
            "enabled-for-file = [\"PH701\"]\n"
            "per-file-ignores = [{ glob = \"test_*.py\", base = \"" +
            root +
            "/pkg\", codes = "
            "[\"PH703\"] }]\n"
            "exclude = []\n"
            "severity = { PH701 = \"error\" }\n"
            "target-version = \"py38\"\n"
            "unsafe-fixes = false\n"
            "respect-gitignore = true\n");
}
