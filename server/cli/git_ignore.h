// The .gitignore rules that apply while walking a directory, read through libgit2 so that they
// mean exactly what they mean to git (nested .gitignore files, negations, info/exclude and
// core.excludesFile).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

struct git_repository;

namespace perfhint::cli {

/// The ignore rules of the git work tree around one walked directory. Not thread-safe: use one
/// per walk.
class GitIgnore {
 public:
  /// The rules for a walk of `directory`, or nullopt when it is not inside a work tree (no
  /// repository, a bare one, or one libgit2 refuses to open). Also nullopt when `directory`
  /// itself is ignored: a directory named on the command line is checked whole, as a file
  /// named there is.
  static std::optional<GitIgnore> forWalk(const std::filesystem::path& directory);

  /// Whether git ignores `path`, given relative to the walked directory. Ignored directories
  /// need not be descended: everything under them is ignored too.
  bool isIgnored(const std::filesystem::path& path, bool isDirectory) const;

 private:
  struct RepositoryDeleter {
    void operator()(git_repository* repository) const;
  };
  using RepositoryPtr = std::unique_ptr<git_repository, RepositoryDeleter>;

  GitIgnore(RepositoryPtr repository, std::filesystem::path walkRoot)
      : repository_(std::move(repository)), walkRoot_(std::move(walkRoot)) {}

  RepositoryPtr repository_;
  std::filesystem::path walkRoot_;  ///< the walked directory, relative to the work tree
};

}  // namespace perfhint::cli
