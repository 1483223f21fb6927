// Maps the file paths a profile recorded (absolute paths from another machine or container,
// or relative to where the program ran) to the workspace's files, by the longest run of
// matching path components at the end: /srv/app/shop/orders.py finds shop/orders.py.
#pragma once

#include "profile/profile.h"  // the paths to map

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace perfhint::profile {

class PathMapper {
 public:
  /// `workspaceFiles` as the caller names them (relative or absolute); they are returned as given.
  explicit PathMapper(std::vector<std::string> workspaceFiles);

  /// The workspace file whose path ends in the most components of `profilePath` (at least the
  /// file name), or nullptr when none does or several tie.
  const std::string* map(std::string_view profilePath) const;

 private:
  std::vector<std::string> files_;
  std::vector<std::vector<std::string_view>> components_;  ///< of files_, last first
  std::unordered_map<std::string_view, std::vector<size_t>> byName_;
};

/// Whether a path is code perfhint does not check: the standard library, site-packages or
/// dist-packages, frozen modules, `<string>` and other pseudo-files, built-ins ("~").
bool isExternalPath(std::string_view path);

/// The profile's files that match no workspace file: external ones counted, the others listed
/// (sorted), which usually means the workspace is not the one that was profiled.
struct UnmatchedPaths {
  std::vector<std::string> workspaceLike;
  size_t external = 0;
};
UnmatchedPaths unmatchedPaths(const Profile& profile, const PathMapper& paths);

/// Path components, last first, without empty and "." components; '/' and '\' both separate.
std::vector<std::string_view> reversedComponents(std::string_view path);

}  // namespace perfhint::profile
