#include "server/cli/file_settings_resolver.h"

namespace perfhint::cli {

namespace fs = std::filesystem;

fs::path absolutePath(const fs::path& path) {
  return fs::absolute(path).lexically_normal();
}

FileSettingsResolver::FileSettingsResolver(config::ConfigLayer commandLine, bool isolated,
                                           const fs::path& configFile)
    : commandLine_(std::move(commandLine)), isolated_(isolated) {
  if (configFile.empty()) return;
  explicitFile_ = true;
  fs::path absolute = absolutePath(configFile);
  std::error_code error;
  if (!fs::is_regular_file(absolute, error)) {
    errors_.push_back({configFile.string(), 0, "", "no such file"});
    return;
  }
  config::ConfigLoad load = config::loadConfigFile(absolute);
  errors_ = std::move(load.errors);
  if (load.config) {
    explicitConfig_ = std::make_shared<const config::LoadedConfig>(std::move(*load.config));
  } else if (errors_.empty()) {
    errors_.push_back({absolute.string(), 0, "", "configures nothing (no [tool.perfhint] table)"});
  }
}

const config::ResolvedConfig& FileSettingsResolver::forDirectory(const fs::path& directory) {
  std::shared_ptr<const config::LoadedConfig> file;
  if (explicitFile_) {
    file = explicitConfig_;
  } else if (!isolated_) {
    config::ConfigLookup lookup = finder_.forDirectory(absolutePath(directory));
    for (config::ConfigError& error : lookup.errors) {
      if (reported_.insert(error.describe()).second) errors_.push_back(std::move(error));
    }
    file = std::move(lookup.config);
  }
  // The finder hands out the same LoadedConfig for every directory it governs.
  std::unique_ptr<config::ResolvedConfig>& slot = resolved_[file.get()];
  if (!slot) {
    slot = std::make_unique<config::ResolvedConfig>(
        config::resolve(file.get(), std::span(&commandLine_, 1)));
    if (file) keptAlive_.push_back(std::move(file));
  }
  return *slot;
}

std::shared_ptr<const FileSettings> FileSettingsResolver::settingsFor(const fs::path& file) {
  fs::path absolute = absolutePath(file);
  const config::ResolvedConfig& config = forDirectory(absolute.parent_path());
  return std::make_shared<const FileSettings>(config::fileSettings(config, absolute));
}

bool FileSettingsResolver::isExcluded(const fs::path& path) {
  fs::path absolute = absolutePath(path);
  return config::isExcluded(forDirectory(absolute.parent_path()), absolute);
}

}  // namespace perfhint::cli
