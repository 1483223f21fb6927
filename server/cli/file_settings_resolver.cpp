#include "server/cli/file_settings_resolver.h"

namespace perfhint::cli {

namespace fs = std::filesystem;

fs::path absolutePath(const fs::path& path) {
  return fs::absolute(path).lexically_normal();
}

const config::ResolvedConfig& FileSettingsResolver::forDirectory(const fs::path& directory) {
  std::shared_ptr<const config::LoadedConfig> file;
  if (!isolated_) {
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
