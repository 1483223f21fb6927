// Finding the configuration file for a path: nearest wins, perfhint.toml before pyproject.toml,
// pyproject.toml without [tool.perfhint] passed over, and the last good file kept after a change
// that broke it.
#include "config/config_discovery.h"

#include "tests/unit/config_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint::config;
using perfhint::testing::ScratchTree;

TEST_CASE("the nearest configuration file wins") {
  ScratchTree tree;
  auto top = tree.write("pyproject.toml", "[tool.perfhint]\nselect = ['PH7']\n");
  auto inner = tree.write("a/b/perfhint.toml", "select = ['PH1']\n");
  tree.write("a/b/c/x.py", "");
  ConfigFinder finder;
  CHECK(finder.forFile(tree.root() / "a/b/c/x.py").config->file == inner);
  CHECK(finder.forFile(tree.root() / "a/x.py").config->file == top);
  CHECK(finder.forDirectory(tree.root()).config->file == top);
}

TEST_CASE("in one directory perfhint.toml is taken before pyproject.toml") {
  ScratchTree tree;
  tree.write("pyproject.toml", "[tool.perfhint]\nselect = ['PH7']\n");
  auto own = tree.write("perfhint.toml", "select = ['PH1']\n");
  ConfigFinder finder;
  CHECK(finder.forDirectory(tree.root()).config->file == own);
}

TEST_CASE("a pyproject.toml without [tool.perfhint] is passed over") {
  ScratchTree tree;
  auto top = tree.write("perfhint.toml", "select = ['PH7']\n");
  tree.write("pkg/pyproject.toml", "[project]\nname = 'pkg'\n");
  ConfigFinder finder;
  ConfigLookup lookup = finder.forDirectory(tree.root() / "pkg");
  CHECK(lookup.errors.empty());
  CHECK(lookup.config->file == top);
}

TEST_CASE("a file broken after an invalidation reports errors and keeps the last good one") {
  ScratchTree tree;
  auto file = tree.write("perfhint.toml", "select = ['PH7']\n");
  ConfigFinder finder;
  auto good = finder.forDirectory(tree.root()).config;
  REQUIRE(good);

  tree.write("perfhint.toml", "select = ['PH7']\nbogus = 1\n");
  CHECK(finder.forDirectory(tree.root()).errors.empty());  // cached until invalidated
  finder.invalidate();
  ConfigLookup broken = finder.forDirectory(tree.root() / "sub");
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].describe() == file.string() + ":2: bogus: unknown key");
  CHECK(broken.config == good);

  tree.write("perfhint.toml", "select = ['PH1']\n");
  finder.invalidate();
  ConfigLookup fixed = finder.forDirectory(tree.root());
  CHECK(fixed.errors.empty());
  CHECK(fixed.config->layers[0].select == std::vector<std::string>{"PH1"});
}
