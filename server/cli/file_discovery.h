// Which files `perfhint check PATHS` looks at.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace perfhint::cli {

struct DiscoveredFiles {
  std::vector<std::string> files;  ///< sorted, without duplicates
  std::vector<std::string>
      errors;  ///< "PATH: reason" for paths that do not exist or cannot be read
};

/// What configuration decides about a walk. Unset functions keep the defaults (respect
/// .gitignore, exclude nothing).
struct DiscoveryOptions {
  /// Whether the walk of a directory named on the command line honours .gitignore rules.
  std::function<bool(const std::string& directory)> respectGitignore;
  /// Whether a path met during a walk is left out (an excluded directory is not entered).
  /// Paths named on the command line are never excluded.
  std::function<bool(const std::string& path)> isExcluded;
};

/// Files named directly are taken as they are; directories are walked for `*.py` and `*.pyi`,
/// skipping `.git`, virtual environments (any directory holding pyvenv.cfg), `__pycache__`,
/// `node_modules`, tool caches and, inside a git work tree, what its ignore rules ignore.
/// Directory symlinks are not followed. A missing path or an unreadable directory adds an
/// error and the rest is still discovered.
DiscoveredFiles discoverPythonFiles(const std::vector<std::string>& paths,
                                    const DiscoveryOptions& options = {});

}  // namespace perfhint::cli
