#include "config/resolved_config.h"

#include "analysis/explain/rule_doc.h"   // severityName
#include "analysis/rules/registry.h"     // the rules
#include "config/path_glob.h"            // pathMatches
#include "config/python_version_name.h"  // target-version

#include <algorithm>  // transform
#include <cctype>     // toupper

namespace perfhint::config {
namespace {

namespace fs = std::filesystem;

// Sets `value` for every rule a pattern ("ALL", a code or a prefix) names.
void mark(std::vector<bool>& enabled, std::string pattern, bool value) {
  std::transform(pattern.begin(), pattern.end(), pattern.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  auto rules = allRules();
  for (size_t i = 0; i < rules.size(); ++i) {
    std::string_view code = rules[i]->info().code;
    if (!pattern.empty() && (pattern == "ALL" || code.starts_with(pattern))) enabled[i] = value;
  }
}

std::string tomlString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string stringArray(const std::vector<std::string>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + tomlString(values[i]);
  return out + "]";
}

}  // namespace

ResolvedConfig resolve(std::span<const ConfigLayer> layers) {
  ResolvedConfig config;
  std::vector<bool> enabled;
  for (const Rule* rule : allRules()) enabled.push_back(rule->info().enabledByDefault);
  for (const ConfigLayer& layer : layers) {
    if (layer.select) {
      enabled.assign(enabled.size(), false);
      for (const std::string& pattern : *layer.select) mark(enabled, pattern, true);
    }
    for (const std::string& pattern : layer.extendSelect) mark(enabled, pattern, true);
    for (const std::string& pattern : layer.ignore) mark(enabled, pattern, false);
    config.perFileIgnores.insert(config.perFileIgnores.end(), layer.perFileIgnores.begin(),
                                 layer.perFileIgnores.end());
    if (layer.exclude) config.exclude = *layer.exclude;
    config.exclude.insert(config.exclude.end(), layer.extendExclude.begin(),
                          layer.extendExclude.end());
    for (const auto& [code, severity] : layer.severity) config.severity[code] = severity;
    if (layer.targetVersion) config.targetVersion = *layer.targetVersion;
    if (layer.unsafeFixes) config.unsafeFixes = *layer.unsafeFixes;
    if (layer.respectGitignore) config.respectGitignore = *layer.respectGitignore;
  }
  auto rules = allRules();
  for (size_t i = 0; i < rules.size(); ++i) {
    if (enabled[i]) config.enabled.emplace_back(rules[i]->info().code);
  }
  return config;
}

ResolvedConfig resolve(const LoadedConfig* file, std::span<const ConfigLayer> overrides) {
  std::vector<ConfigLayer> layers;
  if (file) layers = file->layers;
  layers.insert(layers.end(), overrides.begin(), overrides.end());
  ResolvedConfig config = resolve(layers);
  if (file) config.files = file->files;
  return config;
}

RuleSelection selectionFor(const ResolvedConfig& config, const fs::path& file) {
  std::vector<bool> enabled(allRules().size(), false);
  for (const std::string& code : config.enabled) mark(enabled, code, true);
  for (const PerFileIgnore& ignore : config.perFileIgnores) {
    if (!pathMatches(ignore.pattern, file)) continue;
    for (const std::string& pattern : ignore.codes) mark(enabled, pattern, false);
  }
  std::vector<std::string> disabled;
  auto rules = allRules();
  for (size_t i = 0; i < rules.size(); ++i) {
    if (!enabled[i]) disabled.emplace_back(rules[i]->info().code);
  }
  std::string unused;
  return RuleSelection::fromPatterns({"ALL"}, disabled, unused).value_or(RuleSelection());
}

FileSettings fileSettings(const ResolvedConfig& config, const fs::path& file) {
  return {selectionFor(config, file), analysisOptions(config), config.unsafeFixes};
}

bool isExcluded(const ResolvedConfig& config, const fs::path& file) {
  return std::any_of(config.exclude.begin(), config.exclude.end(),
                     [&](const PathPattern& pattern) { return pathMatches(pattern, file); });
}

AnalysisOptions analysisOptions(const ResolvedConfig& config) {
  return {config.targetVersion, config.severity};
}

std::string formatSettings(const ResolvedConfig& config, const fs::path& file) {
  std::string out;
  out += "# file: " + file.string() + "\n";
  if (config.files.empty()) {
    out += "# configuration files: none (defaults)\n";
  } else {
    out += "# configuration files: " + config.files.front() + "\n";
    for (size_t i = 1; i < config.files.size(); ++i) {
      out += "#   extends " + config.files[i] + "\n";
    }
  }
  RuleSelection selection = selectionFor(config, file);
  std::vector<std::string> forFile;
  for (const Rule* rule : allRules()) {
    if (selection.isEnabled(*rule)) forFile.emplace_back(rule->info().code);
  }
  out += "enabled = " + stringArray(config.enabled) + "\n";
  out += "enabled-for-file = " + stringArray(forFile) + "\n";
  out += "per-file-ignores = [";
  for (size_t i = 0; i < config.perFileIgnores.size(); ++i) {
    const PerFileIgnore& ignore = config.perFileIgnores[i];
    out += (i ? ", " : "") + std::string("{ glob = ") + tomlString(ignore.pattern.glob) +
           ", base = " + tomlString(ignore.pattern.base.string()) +
           ", codes = " + stringArray(ignore.codes) + " }";
  }
  out += "]\n";
  out += "exclude = [";
  for (size_t i = 0; i < config.exclude.size(); ++i) {
    out += (i ? ", " : "") + std::string("{ glob = ") + tomlString(config.exclude[i].glob) +
           ", base = " + tomlString(config.exclude[i].base.string()) + " }";
  }
  out += "]\n";
  out += "severity = {";
  bool first = true;
  for (const auto& [code, severity] : config.severity) {
    out += (first ? " " : ", ") + code + " = " + tomlString(severityName(severity));
    first = false;
  }
  out += first ? "}\n" : " }\n";
  out += "target-version = " + tomlString(pythonVersionName(config.targetVersion)) + "\n";
  out += std::string("unsafe-fixes = ") + (config.unsafeFixes ? "true" : "false") + "\n";
  out += std::string("respect-gitignore = ") + (config.respectGitignore ? "true" : "false") + "\n";
  return out;
}

}  // namespace perfhint::config
