// Configuration files in the server: each document's settings come from the nearest
// perfhint.toml / pyproject.toml above it (found by walking up, cached per directory) with the
// editor's settings (those of the document's workspace folder when it has its own) on top; invalid
// files are reported once and the last good one stays. A file that `exclude` leaves out gets no
// diagnostics.
#include "server/lsp/language_server.h"

#include "config/resolved_config.h"  // folding layers
#include "protocol/uri.h"            // document paths

#include <filesystem>

namespace perfhint::lsp {

std::shared_ptr<const ServerSettings> LanguageServer::editorSettingsFor(const std::string& uri) {
  std::optional<std::string> path = protocol::fileUriToPath(uri);
  if (path) {
    auto folder = folders_.folderFor(std::filesystem::path(*path).lexically_normal());
    if (folder && folder->settings) return folder->settings;
  }
  return settings();
}

std::shared_ptr<const config::FileSettings> LanguageServer::documentSettings(
    const std::string& uri) {
  std::optional<std::string> path = protocol::fileUriToPath(uri);
  std::error_code ignored;
  std::filesystem::path folderRoot = std::filesystem::current_path(ignored);
  std::shared_ptr<const ServerSettings> editorSettings = settings();
  if (path) {
    // The innermost workspace folder holding the file: its settings, and the base of the
    // editor's `exclude` globs (the working directory for a file outside every folder).
    auto folder = folders_.folderFor(std::filesystem::path(*path).lexically_normal());
    if (folder) {
      folderRoot = folder->root;
      if (folder->settings) editorSettings = folder->settings;
    }
  }
  config::ConfigLayer editor = editorLayer(*editorSettings, folderRoot);
  if (!path) {
    // An unsaved document has no directory: the editor's settings over the defaults.
    config::ResolvedConfig resolved = config::resolve(nullptr, std::span(&editor, 1));
    return std::make_shared<const config::FileSettings>(config::fileSettings(resolved, {}));
  }
  std::filesystem::path file = std::filesystem::path(*path).lexically_normal();
  config::ConfigLookup lookup = configFinder_.forFile(file);
  if (!lookup.errors.empty()) reportConfigErrors(lookup.errors, lookup.config != nullptr);
  config::ResolvedConfig resolved = config::resolve(lookup.config.get(), std::span(&editor, 1));
  config::FileSettings settings = config::fileSettings(resolved, file);
  if (config::isExcluded(resolved, file)) {
    // As `perfhint check` would skip it on a walk, an excluded file gets no diagnostics.
    std::string unused;
    settings.selection = RuleSelection::fromPatterns({"ALL"}, {"ALL"}, unused).value();
  }
  return std::make_shared<const config::FileSettings>(std::move(settings));
}

void LanguageServer::reportConfigErrors(const std::vector<config::ConfigError>& errors,
                                        bool keptLastGood) {
  std::string message = keptLastGood ? "perfhint: invalid configuration file, the last good "
                                       "configuration stays in force:"
                                     : "perfhint: invalid configuration file, using the defaults:";
  for (const config::ConfigError& error : errors) message += "\n- " + error.describe();
  {
    std::lock_guard lock(reportedConfigErrorsMutex_);
    if (!reportedConfigErrors_.insert(message).second) return;
  }
  notify("window/showMessage",
         protocol::ShowMessageParams{protocol::MessageType::Warning, message});
  log(protocol::MessageType::Warning, message);
}

void LanguageServer::watchConfigFiles() {
  nlohmann::json watchers = nlohmann::json::array(
      {{{"globPattern", "**/pyproject.toml"}}, {{"globPattern", "**/perfhint.toml"}}});
  nlohmann::json registration = {{"id", "perfhint-configuration-files"},
                                 {"method", "workspace/didChangeWatchedFiles"},
                                 {"registerOptions", {{"watchers", watchers}}}};
  sendRequest("client/registerCapability", {{"registrations", {registration}}},
              [](const protocol::Response&) {});
}

}  // namespace perfhint::lsp
