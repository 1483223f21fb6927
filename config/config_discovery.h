// Finding the configuration file that governs a path: walk up from the file's directory; in each
// directory `perfhint.toml` is taken first, then a `pyproject.toml` that has `[tool.perfhint]`
// (one without it is passed over); the nearest one wins. Lookups are cached per directory.
#pragma once

#include "config/config_file.h"  // LoadedConfig

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace perfhint::config {

struct ConfigLookup {
  /// The governing configuration; nullptr when there is none. After an invalidation, a directory
  /// whose configuration became invalid keeps the last good one here (and has `errors`).
  std::shared_ptr<const LoadedConfig> config;
  std::vector<ConfigError> errors;  ///< problems of the nearest configuration file
};

/// Thread-safe: lookups may come from several threads.
class ConfigFinder {
 public:
  /// The configuration for files in `directory` (absolute).
  ConfigLookup forDirectory(const std::filesystem::path& directory);

  /// The configuration for `file`, from its directory.
  ConfigLookup forFile(const std::filesystem::path& file);

  /// Forgets every lookup (a configuration file changed), remembering the good ones so that a
  /// file that turns invalid leaves the last good configuration in force.
  void invalidate();

 private:
  ConfigLookup lookUp(const std::filesystem::path& directory);

  std::mutex mutex_;
  std::map<std::filesystem::path, ConfigLookup> cache_;
  std::map<std::filesystem::path, std::shared_ptr<const LoadedConfig>> lastGood_;
};

}  // namespace perfhint::config
