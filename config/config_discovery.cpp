#include "config/config_discovery.h"

namespace perfhint::config {

namespace fs = std::filesystem;

ConfigLookup ConfigFinder::forFile(const fs::path& file) {
  return forDirectory(fs::absolute(file).lexically_normal().parent_path());
}

ConfigLookup ConfigFinder::forDirectory(const fs::path& directory) {
  fs::path normal = fs::absolute(directory).lexically_normal();
  std::lock_guard lock(mutex_);
  return lookUp(normal);
}

ConfigLookup ConfigFinder::lookUp(const fs::path& directory) {
  if (auto cached = cache_.find(directory); cached != cache_.end()) return cached->second;

  ConfigLookup lookup;
  bool found = false;
  for (const char* name : {"perfhint.toml", "pyproject.toml"}) {
    fs::path candidate = directory / name;
    std::error_code ignored;
    if (!fs::is_regular_file(candidate, ignored)) continue;
    ConfigLoad load = loadConfigFile(candidate);
    if (!load.config && load.errors.empty()) continue;  // a pyproject.toml without our table
    found = true;
    lookup.errors = std::move(load.errors);
    if (load.config) {
      lookup.config = std::make_shared<const LoadedConfig>(std::move(*load.config));
    } else if (auto good = lastGood_.find(directory); good != lastGood_.end()) {
      lookup.config = good->second;
    }
    break;
  }
  if (!found && directory.has_parent_path() && directory.parent_path() != directory) {
    lookup = lookUp(directory.parent_path());
  }
  cache_[directory] = lookup;
  if (found && lookup.config && lookup.errors.empty()) lastGood_[directory] = lookup.config;
  return lookup;
}

void ConfigFinder::invalidate() {
  std::lock_guard lock(mutex_);
  cache_.clear();
}

}  // namespace perfhint::config
