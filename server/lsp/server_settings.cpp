#include "server/lsp/server_settings.h"

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
                    std::vector<std::string>& errors) {
  auto found = values.find(key);
  if (found == values.end() || found->is_null()) return true;
  if (!found->is_array()) {
    errors.push_back(std::string(key) + " must be an array of rule codes");
    return false;
  }
  std::vector<std::string> list;
  for (const json& item : *found) {
    if (!item.is_string()) {
      errors.push_back(std::string(key) + " must be an array of rule codes");
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
  readStringList(values, "ignore", next.ignore, errors);
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
  if (!errors.empty()) return errors;
  next.selection = std::move(*selection);
  settings = std::move(next);
  return errors;
}

config::ConfigLayer editorLayer(const ServerSettings& settings) {
  config::ConfigLayer layer;
  if (!settings.select.empty()) layer.select = settings.select;
  layer.ignore = settings.ignore;
  layer.severity = settings.severity;
  layer.unsafeFixes = settings.unsafeFixes;
  return layer;
}

}  // namespace perfhint::lsp
