// Reading one configuration file with toml++: `perfhint.toml` (top-level keys) or the
// `[tool.perfhint]` table of `pyproject.toml`, following `extend` to the files it builds on.
#pragma once

#include "config/config_layer.h"  // what a file sets, errors

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace perfhint::config {

/// A configuration file and everything it extends.
struct LoadedConfig {
  std::filesystem::path file;       ///< the file itself (absolute, normalised)
  std::vector<ConfigLayer> layers;  ///< the furthest base first, `file` last
  std::vector<std::string> files;   ///< every file read: `file` first, then what it extends
};

struct ConfigLoad {
  std::optional<LoadedConfig> config;  ///< nullopt on errors or when the file configures nothing
  std::vector<ConfigError> errors;
};

/// Reads `file` and, recursively, the file its `extend` names (relative to its directory). A
/// `pyproject.toml` without `[tool.perfhint]` gives neither a configuration nor an error (it is
/// not perfhint's), unless another file extends it: then it counts as empty. Syntax errors,
/// unknown keys, values of the wrong type, unknown rule codes and `extend` cycles are errors.
ConfigLoad loadConfigFile(const std::filesystem::path& file);

}  // namespace perfhint::config
