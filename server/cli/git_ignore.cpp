#include "server/cli/git_ignore.h"

#include <git2.h>  // repository discovery and ignore rules

namespace perfhint::cli {
namespace {

namespace fs = std::filesystem;

// libgit2 keeps global state (allocators, caches) that must be set up before any other call and
// torn down once; a function-local static does both, thread-safely, on first use.
void ensureLibgit2Initialised() {
  struct Session {
    Session() { git_libgit2_init(); }
    ~Session() { git_libgit2_shutdown(); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
  };
  static const Session session;
}

}  // namespace

void GitIgnore::RepositoryDeleter::operator()(git_repository* repository) const {
  git_repository_free(repository);
}

std::optional<GitIgnore> GitIgnore::forWalk(const fs::path& directory) {
  ensureLibgit2Initialised();
  std::error_code error;
  fs::path absolute = fs::canonical(directory, error);
  if (error) return std::nullopt;

  git_repository* found = nullptr;
  // Searches upward from the directory, as git does.
  if (git_repository_open_ext(&found, absolute.c_str(), 0, nullptr) != 0) return std::nullopt;
  RepositoryPtr repository(found);
  const char* workdir = git_repository_workdir(repository.get());
  if (!workdir) return std::nullopt;  // bare: nothing is checked out, nothing to ignore

  fs::path workTree = fs::canonical(workdir, error);
  if (error) return std::nullopt;
  fs::path walkRoot = absolute.lexically_relative(workTree);
  // A repository whose work tree lies elsewhere (core.worktree): its rules do not reach here.
  if (walkRoot.empty() || *walkRoot.begin() == "..") return std::nullopt;

  GitIgnore ignore(std::move(repository), walkRoot == "." ? fs::path() : walkRoot);
  if (!ignore.walkRoot_.empty() && ignore.isIgnored({}, true)) return std::nullopt;
  return ignore;
}

bool GitIgnore::isIgnored(const fs::path& path, bool isDirectory) const {
  std::string relative = (walkRoot_ / path).lexically_normal().generic_string();
  // A trailing slash tells libgit2 that the path is a directory (for `name/` patterns) without
  // another stat.
  if (isDirectory && !relative.ends_with('/')) relative += '/';
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, repository_.get(), relative.c_str()) != 0) return false;
  return ignored == 1;
}

}  // namespace perfhint::cli
