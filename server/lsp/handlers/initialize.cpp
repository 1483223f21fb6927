// initialize / initialized: negotiate the position encoding, read the client's capabilities and
// initial settings, and announce what perfhint serves.
#include "server/lsp/language_server.h"

#include "protocol/uri.h"  // the docs link

#include <boost/asio/post.hpp>

#include <unistd.h>  // readlink
#include <filesystem>

namespace perfhint::lsp {
namespace {

// docs/rules.md for this binary: installed under share/doc/perfhint, or in the source tree it was
// built from. Empty when there is none.
std::string findRulesDocument() {
  std::error_code error;
  std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  for (const auto& candidate : {binary.parent_path().parent_path() / "share/doc/perfhint/rules.md",
                                std::filesystem::path(PERFHINT_SOURCE_DOCS) / "rules.md"}) {
    if (std::filesystem::exists(candidate, error)) {
      return protocol::pathToFileUri(std::filesystem::canonical(candidate, error).string())
          .value_or("");
    }
  }
  return {};
}

// The directory profile paths are relative to: the first workspace folder, else rootUri.
std::filesystem::path workspaceRootOf(const protocol::InitializeParams& params) {
  std::optional<std::string> path;
  if (params.workspaceFolders && !params.workspaceFolders->empty()) {
    path = protocol::fileUriToPath(params.workspaceFolders->front().uri);
  } else if (params.rootUri) {
    path = protocol::fileUriToPath(*params.rootUri);
  }
  return path ? std::filesystem::path(*path).lexically_normal() : std::filesystem::path();
}

}  // namespace

void LanguageServer::initialize(protocol::InitializeParams params, Reply reply) {
  const protocol::ClientCapabilities& client = params.capabilities;
  encoding_ = protocol::negotiatePositionEncoding(client.positionEncodings);
  clientPullsDiagnostics_ = client.pullDiagnostics;
  clientRefreshesDiagnostics_ = client.diagnosticRefreshSupport;
  clientResolvesCodeActions_ = std::find(client.codeActionResolveProperties.begin(),
                                         client.codeActionResolveProperties.end(),
                                         "edit") != client.codeActionResolveProperties.end();
  clientHasConfiguration_ = client.workspaceConfiguration;
  clientAppliesEdits_ = client.workspaceApplyEdit;
  clientWatchesFilesForUs_ = client.didChangeWatchedFilesDynamicRegistration;
  if (params.trace) traceLevel_ = *params.trace;
  docsBase_ = findRulesDocument();
  if (params.workspaceFolders) {
    for (const protocol::WorkspaceFolder& folder : *params.workspaceFolders) folders_.add(folder);
  } else if (params.rootUri) {
    // A client without workspace folders names its one root here.
    std::string name = std::filesystem::path(*params.rootUri).filename().string();
    folders_.add({*params.rootUri, name});
  }
  workspaceRoot_ = workspaceRootOf(params);
  if (!params.initializationOptions.is_null()) {
    // Accept both {"perfhint": {...}} and the settings object itself.
    const nlohmann::json& options = params.initializationOptions;
    applySettings(options.contains("perfhint") ? options["perfhint"] : options);
  }

  nlohmann::json capabilities = {
      {"positionEncoding", protocol::positionEncodingName(encoding_)},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      // Python cells of Jupyter notebooks, analysed together as one program.
      {"notebookDocumentSync",
       {{"notebookSelector",
         {{{"notebook", {{"notebookType", "jupyter-notebook"}}},
           {"cells", {{{"language", "python"}}}}}}},
        {"save", false}}},
      {"hoverProvider", true},
      {"codeLensProvider", {{"resolveProvider", false}}},
      {"inlayHintProvider", true},
      {"codeActionProvider",
       {{"codeActionKinds", {"quickfix", "source.fixAll.perfhint"}}, {"resolveProvider", true}}},
      {"diagnosticProvider",
       {{"identifier", "perfhint"},
        {"interFileDependencies", false},
        {"workspaceDiagnostics", true}}},
      {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
      {"executeCommandProvider",
       {{"commands", {"perfhint.applyAllFixes", "perfhint.loadProfile", "perfhint.showProfile"}}}},
  };
  protocol::InitializeResult result;
  result.capabilities = std::move(capabilities);
  result.serverInfo = protocol::ServerInfo{"perfhint", std::string(PERFHINT_VERSION)};
  lifecycle_ = Lifecycle::Running;
  reply.result(result);
}

void LanguageServer::initialized(nlohmann::json) {
  if (clientWatchesFilesForUs_) watchConfigFiles();
  if (clientHasConfiguration_) requestWorkspaceConfiguration();
  if (std::string profile = settings()->profile; !profile.empty()) {
    // Posted, so the load's messages follow the ones sent above.
    boost::asio::post(io_, [this, profile = std::move(profile)]() mutable {
      startProfileLoad(std::move(profile), std::nullopt);
    });
  }
}

}  // namespace perfhint::lsp
