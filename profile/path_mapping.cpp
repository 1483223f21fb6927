#include "profile/path_mapping.h"

#include <algorithm>  // sort, unique
#include <set>

namespace perfhint::profile {

std::vector<std::string_view> reversedComponents(std::string_view path) {
  std::vector<std::string_view> components;
  while (!path.empty()) {
    size_t separator = path.find_last_of("/\\");
    std::string_view last = separator == std::string_view::npos ? path : path.substr(separator + 1);
    if (!last.empty() && last != ".") components.push_back(last);
    if (separator == std::string_view::npos) break;
    path = path.substr(0, separator);
  }
  return components;
}

PathMapper::PathMapper(std::vector<std::string> workspaceFiles)
    : files_(std::move(workspaceFiles)) {
  components_.reserve(files_.size());
  for (size_t i = 0; i < files_.size(); ++i) {
    components_.push_back(reversedComponents(files_[i]));
    if (!components_.back().empty()) byName_[components_.back().front()].push_back(i);
  }
}

const std::string* PathMapper::map(std::string_view profilePath) const {
  std::vector<std::string_view> wanted = reversedComponents(profilePath);
  if (wanted.empty()) return nullptr;
  auto candidates = byName_.find(wanted.front());
  if (candidates == byName_.end()) return nullptr;
  const std::string* best = nullptr;
  size_t bestLength = 0;
  bool tie = false;
  for (size_t candidate : candidates->second) {
    const std::vector<std::string_view>& have = components_[candidate];
    size_t length = 0;
    while (length < have.size() && length < wanted.size() && have[length] == wanted[length]) {
      ++length;
    }
    if (length > bestLength) {
      best = &files_[candidate];
      bestLength = length;
      tie = false;
    } else if (length == bestLength && best && files_[candidate] != *best) {
      tie = true;
    }
  }
  return tie ? nullptr : best;
}

bool isExternalPath(std::string_view path) {
  if (path == "~" || path.empty() || path.front() == '<') return true;
  for (std::string_view marker :
       {"site-packages", "dist-packages", "/lib/python", "\\Lib\\", "/lib/pypy", "<frozen"}) {
    if (path.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

UnmatchedPaths unmatchedPaths(const Profile& profile, const PathMapper& paths) {
  std::set<std::string> workspaceLike, external;
  for (const ProfiledFunction& function : profile.functions) {
    const std::string& file = function.key.file;
    if (paths.map(file)) continue;
    (isExternalPath(file) ? external : workspaceLike).insert(file);
  }
  return {{workspaceLike.begin(), workspaceLike.end()}, external.size()};
}

}  // namespace perfhint::profile
