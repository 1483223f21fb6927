// Profile-guided hints in the server: loading the profile `perfhint.profile` or the
// perfhint.loadProfile command names (on a worker: a profile can be large), watching its file,
// and adjusting each analysis' diagnostics to the cost the profile measured around them. The
// analyzer knows nothing of profiles; this is the only place diagnostics meet them.
#include "server/lsp/language_server.h"

#include "server/lsp/profile_hints.h"  // applyMeasuredCost

#include "protocol/uri.h"  // document paths

#include <boost/asio/post.hpp>

namespace perfhint::lsp {

namespace {
constexpr const char* kProfileWatchId = "perfhint-profile-file";
}  // namespace

std::vector<std::string> LanguageServer::openDocumentPaths() const {
  std::vector<std::string> paths;
  for (const auto& [uri, document] : documents_) {
    if (auto path = protocol::fileUriToPath(uri)) {
      paths.push_back(std::filesystem::path(*path).lexically_normal().string());
    }
  }
  return paths;
}

void LanguageServer::startProfileLoad(std::string pattern, std::optional<Reply> reply) {
  profilePattern_ = pattern;
  uint64_t request = 0;
  {
    // Under the lock a load's swap sees every later request, so none can undo a newer one.
    std::lock_guard lock(profileMutex_);
    request = ++profileRequests_;
    // Only a settings change drops the profile, and its caller re-checks every document.
    if (pattern.empty()) profile_.reset();
  }
  if (pattern.empty()) {
    boost::asio::post(profileStrand_, [this] { watchProfileFile({}); });
    if (reply) reply->result(nullptr);
    return;
  }
  boost::asio::post(profileStrand_, [this, request, pattern = std::move(pattern),
                                     root = workspaceRoot_, openPaths = openDocumentPaths(),
                                     reply = std::move(reply)]() mutable {
    auto superseded = [&] {
      if (request == profileRequests_.load()) return false;
      if (reply) reply->error(protocol::ErrorCode::RequestFailed, "another profile was asked for");
      return true;
    };
    if (superseded()) return;
    watchProfileFile(pattern);
    std::optional<std::filesystem::path> file = resolveProfilePath(pattern, root);
    WorkspaceProfileLoad load;
    if (file) {
      load = loadWorkspaceProfile(*file, workspacePythonFiles(root, openPaths));
    } else {
      load.error.message = "no file under the workspace root matches " + pattern;
    }
    if (!load.profile) {
      std::string message = workspaceProfile()
                                ? "perfhint: cannot load the profile, the previous one stays in "
                                  "force:\n- "
                                : "perfhint: cannot load the profile:\n- ";
      message += load.error.describe();
      notify("window/showMessage",
             protocol::ShowMessageParams{protocol::MessageType::Warning, message});
      log(protocol::MessageType::Warning, message);
      if (reply) reply->error(protocol::ErrorCode::RequestFailed, message);
      return;
    }
    const profile::ProfileIndex& index = load.profile->index;
    size_t inWorkspace = 0;
    for (size_t i = 0; i < index.profile().functions.size(); ++i) {
      if (index.workspaceFileOf(i)) ++inWorkspace;
    }
    nlohmann::json summary = {{"file", load.profile->file},
                              {"format", profile::formatName(index.profile().format)},
                              {"functions", index.profile().functions.size()},
                              {"functionsInWorkspace", inWorkspace}};
    {
      std::lock_guard lock(profileMutex_);
      if (request != profileRequests_.load()) {
        if (reply)
          reply->error(protocol::ErrorCode::RequestFailed, "another profile was asked for");
        return;
      }
      profile_ = load.profile;
    }
    log(protocol::MessageType::Info, "perfhint: profile loaded: " + summary.dump());
    if (reply) reply->result(summary);
    boost::asio::post(io_, [this] { refreshForProfile(); });
  });
}

void LanguageServer::refreshForProfile() {
  for (auto& [uri, document] : documents_) {
    boost::asio::post(document->strand, [this, document = document] {
      if (document->closed || !document->document) return;
      // Opened since the profile changed: already analysed with it.
      if (document->analysis && document->analysis->profile == workspaceProfile()) return;
      document->analysis.reset();
      analyzeAndPublish(*document);
    });
  }
  if (clientPullsDiagnostics_ && clientRefreshesDiagnostics_) {
    sendRequest("workspace/diagnostic/refresh", nullptr, [](const protocol::Response&) {});
  }
}

void LanguageServer::watchProfileFile(const std::string& pattern) {
  if (!clientWatchesFilesForUs_) return;
  std::filesystem::path path(pattern);
  std::string glob;
  if (!pattern.empty()) {
    glob = (path.is_absolute() ? path : workspaceRoot_ / path).lexically_normal().generic_string();
  }
  if (glob == watchedProfilePattern_) return;
  if (!watchedProfilePattern_.empty()) {
    nlohmann::json unregistration = {{"id", kProfileWatchId},
                                     {"method", "workspace/didChangeWatchedFiles"}};
    // The spec spells the member "unregisterations".
    sendRequest("client/unregisterCapability", {{"unregisterations", {unregistration}}},
                [](const protocol::Response&) {});
  }
  watchedProfilePattern_ = glob;
  if (glob.empty()) return;
  nlohmann::json registration = {
      {"id", kProfileWatchId},
      {"method", "workspace/didChangeWatchedFiles"},
      {"registerOptions", {{"watchers", nlohmann::json::array({{{"globPattern", glob}}})}}}};
  sendRequest("client/registerCapability", {{"registrations", {registration}}},
              [](const protocol::Response&) {});
}

void LanguageServer::applyProfile(const OpenDocument& document, DocumentAnalysis& analysis,
                                  const ServerSettings& current) {
  analysis.profile = workspaceProfile();
  if (!analysis.profile) return;
  std::optional<std::string> path = protocol::fileUriToPath(document.uri);
  if (!path) return;
  std::string normal = std::filesystem::path(*path).lexically_normal().string();
  if (!analysis.profile->covers(normal)) return;
  analysis.profilePath = std::move(normal);
  analysis.functions = profile::pythonFunctions(*document.document);
  for (size_t i = 0; i < analysis.findings.size(); ++i) {
    profile::MeasuredCost cost = analysis.profile->index.costAt(
        analysis.profilePath, analysis.functions, analysis.findings[i].range.start);
    applyMeasuredCost(analysis.diagnostics[i], cost, current.hotThreshold);
  }
}

}  // namespace perfhint::lsp
