// The configuration of each file `perfhint check` looks at: the nearest configuration file
// (found once per directory), then the command line on top.
#pragma once

#include "config/config_discovery.h"  // finding configuration files
#include "config/resolved_config.h"   // folding layers
#include "server/cli/check_runner.h"  // FileSettings

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace perfhint::cli {

/// Not thread-safe: used while discovering files, before the parallel check.
class FileSettingsResolver {
 public:
  /// `commandLine`: the layer above every configuration file. `isolated`: read no files.
  /// `configFile` (`--config`), when not empty: the one configuration for every file, instead
  /// of discovery; a missing file or one that configures nothing is an error.
  FileSettingsResolver(config::ConfigLayer commandLine, bool isolated,
                       const std::filesystem::path& configFile = {});

  /// The resolved configuration for files in `directory`.
  const config::ResolvedConfig& forDirectory(const std::filesystem::path& directory);

  /// What `file` is checked with.
  std::shared_ptr<const FileSettings> settingsFor(const std::filesystem::path& file);

  /// Whether a path met while walking a directory is excluded by its configuration.
  bool isExcluded(const std::filesystem::path& path);

  /// Problems found in configuration files so far, each once, in the order met.
  const std::vector<config::ConfigError>& errors() const { return errors_; }

 private:
  config::ConfigLayer commandLine_;
  bool isolated_;
  bool explicitFile_ = false;  ///< `--config` was given: no discovery
  std::shared_ptr<const config::LoadedConfig> explicitConfig_;
  config::ConfigFinder finder_;
  std::map<const config::LoadedConfig*, std::unique_ptr<config::ResolvedConfig>> resolved_;
  std::vector<std::shared_ptr<const config::LoadedConfig>> keptAlive_;  ///< keys of resolved_
  std::set<std::string> reported_;
  std::vector<config::ConfigError> errors_;
};

/// An absolute, normalised form of `path` for matching against configuration globs.
std::filesystem::path absolutePath(const std::filesystem::path& path);

}  // namespace perfhint::cli
