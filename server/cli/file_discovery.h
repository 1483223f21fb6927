// Which files `perfhint check PATHS` looks at.
#pragma once

#include <string>
#include <vector>

namespace perfhint::cli {

struct DiscoveredFiles {
  std::vector<std::string> files;  ///< sorted, without duplicates
  std::vector<std::string>
      errors;  ///< "PATH: reason" for paths that do not exist or cannot be read
};

/// Files named directly are taken as they are; directories are walked for `*.py` and `*.pyi`,
/// skipping `.git`, virtual environments (any directory holding pyvenv.cfg), `__pycache__`,
/// `node_modules`, tool caches and, inside a git work tree, what its ignore rules ignore.
/// Directory symlinks are not followed. A missing path or an unreadable directory adds an
/// error and the rest is still discovered.
DiscoveredFiles discoverPythonFiles(const std::vector<std::string>& paths);

}  // namespace perfhint::cli
