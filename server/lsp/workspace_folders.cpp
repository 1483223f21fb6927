#include "server/lsp/workspace_folders.h"

#include "protocol/uri.h"  // folder roots

#include <algorithm>  // find_if, mismatch

namespace perfhint::lsp {

namespace fs = std::filesystem;

bool isWithin(const fs::path& path, const fs::path& root) {
  auto [rootEnd, pathAt] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  // A trailing separator leaves an empty last component in `root`.
  return rootEnd == root.end() || (std::next(rootEnd) == root.end() && rootEnd->empty());
}

bool WorkspaceFolders::add(const protocol::WorkspaceFolder& folder) {
  std::optional<std::string> path = protocol::fileUriToPath(folder.uri);
  if (!path || !fs::path(*path).is_absolute()) return false;
  fs::path root = fs::path(*path).lexically_normal();
  if (!root.has_filename() && root != root.root_path()) root = root.parent_path();
  std::lock_guard lock(mutex_);
  std::erase_if(folders_,
                [&](const WorkspaceFolderState& known) { return known.uri == folder.uri; });
  folders_.push_back({folder.uri, folder.name, std::move(root), nullptr});
  return true;
}

bool WorkspaceFolders::remove(const std::string& uri) {
  std::lock_guard lock(mutex_);
  return std::erase_if(folders_,
                       [&](const WorkspaceFolderState& known) { return known.uri == uri; }) > 0;
}

std::vector<WorkspaceFolderState> WorkspaceFolders::list() const {
  std::lock_guard lock(mutex_);
  return folders_;
}

std::optional<WorkspaceFolderState> WorkspaceFolders::folderFor(const fs::path& file) const {
  std::lock_guard lock(mutex_);
  const WorkspaceFolderState* innermost = nullptr;
  for (const WorkspaceFolderState& folder : folders_) {
    if (!isWithin(file, folder.root)) continue;
    if (!innermost || std::distance(folder.root.begin(), folder.root.end()) >
                          std::distance(innermost->root.begin(), innermost->root.end())) {
      innermost = &folder;
    }
  }
  if (!innermost) return std::nullopt;
  return *innermost;
}

void WorkspaceFolders::setSettings(const std::string& uri,
                                   std::shared_ptr<const ServerSettings> settings) {
  std::lock_guard lock(mutex_);
  auto found = std::find_if(folders_.begin(), folders_.end(),
                            [&](const WorkspaceFolderState& known) { return known.uri == uri; });
  if (found != folders_.end()) found->settings = std::move(settings);
}

void WorkspaceFolders::clearSettings() {
  std::lock_guard lock(mutex_);
  for (WorkspaceFolderState& folder : folders_) folder.settings.reset();
}

}  // namespace perfhint::lsp
