#include "server/lsp/server_settings.h"

#include "config/python_version_name.h"  // targetVersion

namespace perfhint::lsp {
namespace {

using nlohmann::json;

std::optional<Severity> parseSeverity(const std::string& name) {
  if (name == "error") return Severity::Error;
  if (name == "warning") return Severity::Warning;
  if (name == "info" || name == "information") return Severity::Info;
  if (name == "hint") return Severity::Hint;
  return std::nullopt;
}

bool readStringList(const json& values, const char* key, std::vector<std::string>& out,
                    std::vector<std::string>& errors, const char* what = "rule codes") {
  auto found = values.find(key);
  if (found == values.end() || found->is_null()) return true;
  if (!found->is_array()) {
    errors.push_back(std::string(key) + " must be an array of " + what);
    return false;
  }
  std::vector<std::string> list;
  for (const json& item : *found) {
    if (!item.is_string()) {
      errors.push_back(std::string(key) + " must be an array of " + what);
      return false;
    }
    list.push_back(item.get<std::string>());
  }
  out = std::move(list);
  return true;
}

}  // namespace

std::vector<std::string> updateSettings(ServerSettings& settings, const json& values) {
  std::vector<std::string> errors;
  if (!values.is_object()) {
    if (!values.is_null()) errors.push_back("perfhint settings must be an object");
    return errors;
  }
  ServerSettings next = settings;
  readStringList(values, "select", next.select, errors);
  readStringList(values, "extendSelect", next.extendSelect, errors);
  readStringList(values, "ignore", next.ignore, errors);
  // For these two, null is a value: the configuration file's applies again.
  if (auto found = values.find("exclude"); found != values.end() && found->is_null()) {
    next.exclude.reset();
  } else if (found != values.end()) {
    std::vector<std::string> globs;
    if (readStringList(values, "exclude", globs, errors, "glob patterns")) {
      next.exclude = std::move(globs);
    }
  }
  if (auto found = values.find("targetVersion"); found != values.end() && found->is_null()) {
    next.targetVersion.reset();
  } else if (found != values.end()) {
    auto version =
        found->is_string() ? config::parsePythonVersion(found->get<std::string>()) : std::nullopt;
    if (!version) {
      errors.push_back("targetVersion must name a Python version from py38 to py314");
    } else {
      next.targetVersion = *version;
    }
  }
  if (auto found = values.find("severity"); found != values.end() && !found->is_null()) {
    if (!found->is_object()) {
      errors.push_back("severity must map rule codes to error, warning, info or hint");
    } else {
      next.severity.clear();
      for (const auto& [code, level] : found->items()) {
        auto severity = level.is_string() ? parseSeverity(level.get<std::string>()) : std::nullopt;
        if (!severity) {
          errors.push_back("severity of " + code + " must be error, warning, info or hint");
          continue;
        }
        next.severity[code] = *severity;
      }
    }
  }
  if (auto found = values.find("debounceMs"); found != values.end() && !found->is_null()) {
    if (!found->is_number_integer() || found->get<long long>() < 0 ||
        found->get<long long>() > 60000) {
      errors.push_back("debounceMs must be a whole number of milliseconds from 0 to 60000");
    } else {
      next.debounceMs = found->get<unsigned>();
    }
  }
  if (auto found = values.find("unsafeFixes"); found != values.end() && !found->is_null()) {
    if (!found->is_boolean()) {
      errors.push_back("unsafeFixes must be true or false");
    } else {
      next.unsafeFixes = found->get<bool>();
    }
  }
  if (auto found = values.find("profile"); found != values.end() && !found->is_null()) {
    if (!found->is_string()) {
      errors.push_back("profile must be a path or glob relative to the workspace root");
    } else {
      next.profile = found->get<std::string>();
    }
  }
  if (auto found = values.find("hotThreshold"); found != values.end() && !found->is_null()) {
    if (!found->is_number() || found->get<double>() < 0 || found->get<double>() > 100) {
      errors.push_back("hotThreshold must be a percentage from 0 to 100");
    } else {
      next.hotThreshold = found->get<double>();
    }
  }
  std::string selectionError;
  auto selection = RuleSelection::fromPatterns(next.select, next.ignore, selectionError);
  if (!selection) errors.push_back(selectionError);
  for (const std::string& pattern : next.extendSelect) {
    std::string unused;
    if (!RuleSelection::fromPatterns({pattern}, {}, unused)) {
      errors.push_back("unknown rule code or prefix in extendSelect: '" + pattern + "'");
    }
  }
  if (!errors.empty()) return errors;
  next.selection = std::move(*selection);
  settings = std::move(next);
  return errors;
}

config::ConfigLayer editorLayer(const ServerSettings& settings,
                                const std::filesystem::path& folderRoot) {
  config::ConfigLayer layer;
  if (!settings.select.empty()) layer.select = settings.select;
  layer.extendSelect = settings.extendSelect;
  layer.ignore = settings.ignore;
  layer.severity = settings.severity;
  layer.unsafeFixes = settings.unsafeFixes;
  layer.targetVersion = settings.targetVersion;
  if (settings.exclude) {
    layer.exclude.emplace();
    for (const std::string& glob : *settings.exclude) layer.exclude->push_back({glob, folderRoot});
  }
  return layer;
}

}  // namespace perfhint::lsp
