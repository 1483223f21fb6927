// Workspace folders: the innermost folder holds a file; non-file URIs are refused.
#include "server/lsp/workspace_folders.h"

#include <doctest/doctest.h>

using namespace perfhint;

TEST_CASE("a file belongs to the innermost folder holding it") {
  lsp::WorkspaceFolders folders;
  CHECK(folders.add({"file:///w/repo", "repo"}));
  CHECK(folders.add({"file:///w/repo/sub/", "sub"}));
  CHECK(folders.add({"file:///w/other", "other"}));
  CHECK_FALSE(folders.add({"untitled:Untitled-1", "scratch"}));

  CHECK(folders.folderFor("/w/repo/a.py")->name == "repo");
  CHECK(folders.folderFor("/w/repo/sub/b.py")->name == "sub");
  CHECK(folders.folderFor("/w/repo/sub/b.py")->root == std::filesystem::path("/w/repo/sub"));
  CHECK(folders.folderFor("/w/repo/subway/c.py")->name == "repo");
  CHECK_FALSE(folders.folderFor("/w/elsewhere.py"));

  CHECK(folders.remove("file:///w/repo/sub/"));
  CHECK_FALSE(folders.remove("file:///w/repo/sub/"));
  CHECK(folders.folderFor("/w/repo/sub/b.py")->name == "repo");
  CHECK(folders.list().size() == 2);
}

TEST_CASE("each folder may carry its own settings") {
  lsp::WorkspaceFolders folders;
  folders.add({"file:///w/a", "a"});
  CHECK(!folders.folderFor("/w/a/x.py")->settings);
  auto settings = std::make_shared<const lsp::ServerSettings>();
  folders.setSettings("file:///w/a", settings);
  CHECK(folders.folderFor("/w/a/x.py")->settings == settings);
  folders.clearSettings();
  CHECK(!folders.folderFor("/w/a/x.py")->settings);
}

TEST_CASE("isWithin compares whole path components") {
  CHECK(lsp::isWithin("/w/repo/a.py", "/w/repo"));
  CHECK(lsp::isWithin("/w/repo", "/w/repo"));
  CHECK_FALSE(lsp::isWithin("/w/repository/a.py", "/w/repo"));
  CHECK_FALSE(lsp::isWithin("/w", "/w/repo"));
}
