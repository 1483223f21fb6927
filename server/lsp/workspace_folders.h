// The workspace folders the client has open. Each folder bounds the walk of workspace
// diagnostics, is the base of the editor's `exclude` globs, and may carry its own editor
// settings (workspace/configuration answered for the folder's scopeUri).
#pragma once

#include "protocol/lsp_types.h"          // WorkspaceFolder
#include "server/lsp/server_settings.h"  // per-folder settings

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace perfhint::lsp {

struct WorkspaceFolderState {
  std::string uri;
  std::string name;
  std::filesystem::path root;  ///< absolute, normalised
  /// The editor's settings for this folder; null until the client answered for its scope, and
  /// then the server-wide settings apply.
  std::shared_ptr<const ServerSettings> settings;
};

/// Thread-safe: changed on the io thread, read by workers.
class WorkspaceFolders {
 public:
  /// Adds a folder (replacing one with the same URI). A folder whose URI is not a local file
  /// has no root to walk: it is ignored and false is returned.
  bool add(const protocol::WorkspaceFolder& folder);
  /// Returns whether the folder was known.
  bool remove(const std::string& uri);
  /// The folders in the order they were added.
  std::vector<WorkspaceFolderState> list() const;
  /// The innermost folder holding `file` (absolute, normalised), when any.
  std::optional<WorkspaceFolderState> folderFor(const std::filesystem::path& file) const;
  /// Sets the editor's settings for the folder `uri` (ignored for an unknown folder).
  void setSettings(const std::string& uri, std::shared_ptr<const ServerSettings> settings);
  /// Forgets every folder's own settings (the editor pushed settings without a scope).
  void clearSettings();

 private:
  mutable std::mutex mutex_;
  std::vector<WorkspaceFolderState> folders_;
};

/// Whether `path` is `root` or lies below it (both absolute and normalised).
bool isWithin(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace perfhint::lsp
