// Which files `perfhint check PATHS` looks at.
#pragma once

#include <string>
#include <vector>

namespace perfhint::cli {

struct DiscoveredFiles {
  std::vector<std::string> files;   ///< sorted, without duplicates
  std::vector<std::string> errors;  ///< "PATH: reason" for paths that do not exist or cannot be read
};

/// Files named directly are taken as they are; directories are walked for `*.py` and `*.pyi`,
/// skipping `.git`, virtual environments, `__pycache__`, `node_modules`, tool caches and what
/// the repository's .gitignore rules ignore.
DiscoveredFiles discoverPythonFiles(const std::vector<std::string>& paths);

}  // namespace perfhint::cli
