// `perfhint check`'s configuration per file: the nearest file under the command line, --isolated,
// exclusion, --config, and each configuration error reported once.
#include "server/cli/file_settings_resolver.h"

#include "tests/unit/config_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::cli;
using perfhint::testing::ScratchTree;

TEST_CASE("the command line goes on top of the nearest file; --isolated reads no file") {
  ScratchTree tree;
  tree.write("perfhint.toml",
             "select = ['PH701', 'PH101']\n"
             "exclude = ['build']\n"
             "per-file-ignores = { 'tests/*' = ['PH101'] }\n");
  config::ConfigLayer commandLine;
  commandLine.ignore = {"PH701"};
  FileSettingsResolver resolver(commandLine, false);
  auto app = resolver.settingsFor(tree.root() / "app.py");
  CHECK(app->selection.isEnabled("PH101"));
  CHECK_FALSE(app->selection.isEnabled("PH701"));
  CHECK_FALSE(app->selection.isEnabled("PH201"));
  CHECK_FALSE(resolver.settingsFor(tree.root() / "tests/t.py")->selection.isEnabled("PH101"));
  CHECK(resolver.isExcluded(tree.root() / "build"));
  CHECK(resolver.isExcluded(tree.root() / "build/out.py"));
  CHECK_FALSE(resolver.isExcluded(tree.root() / "app.py"));

  FileSettingsResolver isolated(commandLine, true);
  CHECK(isolated.settingsFor(tree.root() / "app.py")->selection.isEnabled("PH201"));
  CHECK_FALSE(isolated.isExcluded(tree.root() / "build/out.py"));
}

TEST_CASE("an invalid file is reported once however many files it governs") {
  ScratchTree tree;
  tree.write("pyproject.toml", "[tool.perfhint]\nselct = []\n");
  FileSettingsResolver resolver({}, false);
  resolver.settingsFor(tree.root() / "a.py");
  resolver.settingsFor(tree.root() / "pkg/b.py");
  REQUIRE(resolver.errors().size() == 1);
  CHECK(resolver.errors()[0].describe() ==
        (tree.root() / "pyproject.toml").string() + ":2: tool.perfhint.selct: unknown key");
}

TEST_CASE("--config: one file for every path, whatever lies nearer") {
  ScratchTree tree;
  tree.write("pkg/perfhint.toml", "select = ['PH101']\n");
  tree.write("shared/custom.toml", "select = ['PH701']\nexclude = ['gen']\n");
  FileSettingsResolver resolver({}, false, tree.root() / "shared/custom.toml");
  auto settings = resolver.settingsFor(tree.root() / "pkg/a.py");
  CHECK(settings->selection.isEnabled("PH701"));
  CHECK_FALSE(settings->selection.isEnabled("PH101"));
  // Its globs stay relative to its own directory.
  CHECK(resolver.isExcluded(tree.root() / "shared/gen"));
  CHECK_FALSE(resolver.isExcluded(tree.root() / "pkg/gen"));
  CHECK(resolver.errors().empty());

  FileSettingsResolver missing({}, false, tree.root() / "nope.toml");
  missing.settingsFor(tree.root() / "pkg/a.py");
  REQUIRE(missing.errors().size() == 1);
  CHECK(missing.errors()[0].describe() == (tree.root() / "nope.toml").string() + ": no such file");
}
