// The profile the editor's hints are guided by: where the `perfhint.profile` setting points (a
// path or a glob under the workspace root), and the loaded profile joined to the workspace's
// Python files. Loading reads the disk and may take long for a large profile: callers run it on a
// worker, never on the io thread.
#pragma once

#include "profile/load_profile.h"   // profile files
#include "profile/profile_index.h"  // the profile joined to the workspace

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace perfhint::lsp {

/// A loaded profile and the workspace it was joined to. Read-only once built: documents on any
/// strand share it through a shared_ptr.
struct WorkspaceProfile {
  WorkspaceProfile(std::string profileFile, profile::Profile profile,
                   std::vector<std::string> workspaceFiles)
      : file(std::move(profileFile)),
        files(workspaceFiles.begin(), workspaceFiles.end()),
        index(std::move(profile), std::move(workspaceFiles)) {}

  std::string file;                       ///< the profile file that was read
  std::unordered_set<std::string> files;  ///< the workspace files it was joined to
  profile::ProfileIndex index;

  /// Whether hints may be given for a document at `path`: a file the profile was joined to (a
  /// file outside the workspace, or created since the load, may simply be unknown to it).
  bool covers(const std::string& path) const { return files.contains(path); }
};

/// Whether `pattern` holds glob characters (`*`, `?`, `[`).
bool isGlob(const std::string& pattern);

/// The file `pattern` names: a path (absolute, or relative to `root`), or for a glob the most
/// recently modified file under `root` whose path relative to `root` matches (`*` and `?` match
/// across `/` too). nullopt when a glob matches nothing.
std::optional<std::filesystem::path> resolveProfilePath(const std::string& pattern,
                                                        const std::filesystem::path& root);

/// Whether a changed file at `path` may change what `pattern` resolves to.
bool affectsProfile(const std::string& pattern, const std::filesystem::path& root,
                    const std::filesystem::path& loaded, const std::filesystem::path& path);

/// The Python files under `root` (hidden directories and virtual environments skipped; at most
/// 200,000), plus `alsoInclude` (open documents), as lexically normal absolute paths.
std::vector<std::string> workspacePythonFiles(const std::filesystem::path& root,
                                              const std::vector<std::string>& alsoInclude);

/// Reads `file` and joins it to `workspaceFiles`; on failure, the loader's error.
struct WorkspaceProfileLoad {
  std::shared_ptr<const WorkspaceProfile> profile;
  profile::ProfileError error;
};
WorkspaceProfileLoad loadWorkspaceProfile(const std::filesystem::path& file,
                                          std::vector<std::string> workspaceFiles);

}  // namespace perfhint::lsp
