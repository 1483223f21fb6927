#include "server/lsp/workspace_profile.h"

#include <fnmatch.h>  // glob matching

#include <algorithm>  // sort

namespace perfhint::lsp {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxWorkspaceFiles = 200000;

fs::path absoluteUnder(const std::string& pattern, const fs::path& root) {
  fs::path path(pattern);
  return (path.is_absolute() || root.empty() ? path : root / path).lexically_normal();
}

// Directories a profiled program's own code is never in.
bool skippedDirectory(const fs::path& directory) {
  std::string name = directory.filename().string();
  return name.starts_with(".") || name == "node_modules" || name == "__pycache__" ||
         name == "site-packages" || name == "venv" || name == "env";
}

bool matchesGlob(const std::string& pattern, const fs::path& root, const fs::path& path) {
  std::string relative = path.lexically_relative(root).generic_string();
  if (relative.empty() || relative.starts_with("..")) return false;
  return fnmatch(pattern.c_str(), relative.c_str(), 0) == 0;
}

}  // namespace

bool isGlob(const std::string& pattern) {
  return pattern.find_first_of("*?[") != std::string::npos;
}

std::optional<fs::path> resolveProfilePath(const std::string& pattern, const fs::path& root) {
  if (!isGlob(pattern)) return absoluteUnder(pattern, root);
  std::optional<fs::path> newest;
  fs::file_time_type newestTime{};
  std::error_code error;
  fs::recursive_directory_iterator walk(root, fs::directory_options::skip_permission_denied, error);
  size_t seen = 0;
  for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
    if (++seen > kMaxWorkspaceFiles) break;
    if (walk->is_directory(error)) {
      if (skippedDirectory(walk->path())) walk.disable_recursion_pending();
      continue;
    }
    if (!walk->is_regular_file(error) || !matchesGlob(pattern, root, walk->path())) continue;
    fs::file_time_type time = walk->last_write_time(error);
    if (!newest || time > newestTime) {
      newest = walk->path().lexically_normal();
      newestTime = time;
    }
  }
  return newest;
}

bool affectsProfile(const std::string& pattern, const fs::path& root, const fs::path& loaded,
                    const fs::path& path) {
  fs::path normal = path.lexically_normal();
  if (!isGlob(pattern)) return normal == absoluteUnder(pattern, root);
  return normal == loaded || matchesGlob(pattern, root, normal);
}

std::vector<std::string> workspacePythonFiles(const fs::path& root,
                                              const std::vector<std::string>& alsoInclude) {
  std::vector<std::string> files;
  std::error_code error;
  if (!root.empty()) {
    fs::recursive_directory_iterator walk(root, fs::directory_options::skip_permission_denied,
                                          error);
    for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
      if (files.size() >= kMaxWorkspaceFiles) break;
      if (walk->is_directory(error)) {
        if (skippedDirectory(walk->path())) walk.disable_recursion_pending();
        continue;
      }
      if (walk->path().extension() == ".py") {
        files.push_back(walk->path().lexically_normal().string());
      }
    }
  }
  files.insert(files.end(), alsoInclude.begin(), alsoInclude.end());
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

WorkspaceProfileLoad loadWorkspaceProfile(const fs::path& file,
                                          std::vector<std::string> workspaceFiles) {
  profile::ProfileLoad load = profile::loadProfile(file);
  if (!load.profile) return {nullptr, std::move(load.error)};
  return {std::make_shared<const WorkspaceProfile>(file.string(), std::move(*load.profile),
                                                   std::move(workspaceFiles)),
          {}};
}

}  // namespace perfhint::lsp
