#include "config/config_file.h"

#include "analysis/rules/registry.h"        // known rule codes
#include "analysis/rules/rule_selection.h"  // code prefixes
#include "config/python_version_name.h"     // target-version

#include <toml++/toml.h>  // TOML parsing with source positions

#include <algorithm>  // find, stable_sort

namespace perfhint::config {
namespace {

namespace fs = std::filesystem;

bool isPyproject(const fs::path& file) {
  return file.filename() == "pyproject.toml";
}

std::optional<Severity> parseSeverity(std::string_view name) {
  if (name == "error") return Severity::Error;
  if (name == "warning") return Severity::Warning;
  if (name == "info") return Severity::Info;
  if (name == "hint") return Severity::Hint;
  return std::nullopt;
}

uint32_t lineOf(const toml::node& node) {
  return static_cast<uint32_t>(node.source().begin.line);
}

// Reads the perfhint keys of one table into a layer, collecting every problem.
class LayerReader {
 public:
  LayerReader(std::string file, fs::path directory, std::string keyPrefix,
              std::vector<ConfigError>& errors)
      : file_(std::move(file)),
        directory_(std::move(directory)),
        keyPrefix_(std::move(keyPrefix)),
        errors_(errors) {}

  /// The layer, and in `extend` the value of that key when present.
  ConfigLayer read(const toml::table& table, std::optional<std::string>& extend,
                   uint32_t& extendLine) {
    ConfigLayer layer;
    for (const auto& [key, node] : table) {
      std::string name(key.str());
      line_ = lineOf(node);
      key_ = keyPrefix_ + name;
      if (name == "extend") {
        if (auto value = node.value<std::string>()) {
          extend = *value;
          extendLine = line_;
        } else {
          error("must be a path (a string)");
        }
      } else if (name == "select") {
        if (auto codes = codeList(node)) layer.select = std::move(*codes);
      } else if (name == "extend-select") {
        if (auto codes = codeList(node)) layer.extendSelect = std::move(*codes);
      } else if (name == "ignore") {
        if (auto codes = codeList(node)) layer.ignore = std::move(*codes);
      } else if (name == "per-file-ignores") {
        readPerFileIgnores(node, layer);
      } else if (name == "exclude") {
        if (auto patterns = patternList(node)) layer.exclude = std::move(*patterns);
      } else if (name == "extend-exclude") {
        if (auto patterns = patternList(node)) layer.extendExclude = std::move(*patterns);
      } else if (name == "severity") {
        readSeverity(node, layer);
      } else if (name == "target-version") {
        auto value = node.value<std::string>();
        auto version = value ? parsePythonVersion(*value) : std::nullopt;
        if (version) {
          layer.targetVersion = version;
        } else {
          error("must be one of py38, py39, ..., py314");
        }
      } else if (name == "unsafe-fixes") {
        layer.unsafeFixes = boolean(node);
      } else if (name == "respect-gitignore") {
        layer.respectGitignore = boolean(node);
      } else {
        error("unknown key");
      }
    }
    return layer;
  }

 private:
  void error(std::string message) { errors_.push_back({file_, line_, key_, std::move(message)}); }

  std::optional<bool> boolean(const toml::node& node) {
    if (auto value = node.value<bool>()) return *value;
    error("must be true or false");
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> stringList(const toml::node& node, const char* what) {
    const toml::array* array = node.as_array();
    std::vector<std::string> values;
    bool ok = array != nullptr;
    if (array) {
      for (const toml::node& item : *array) {
        auto value = item.value<std::string>();
        if (!value) {
          ok = false;
          break;
        }
        values.push_back(std::move(*value));
      }
    }
    if (!ok) {
      error(std::string("must be an array of ") + what);
      return std::nullopt;
    }
    return values;
  }

  std::optional<std::vector<std::string>> codeList(const toml::node& node) {
    auto codes = stringList(node, "rule codes");
    if (!codes) return std::nullopt;
    bool ok = true;
    for (const std::string& code : *codes) {
      std::string ignored;
      if (!RuleSelection::fromPatterns({code}, {}, ignored)) {
        error("unknown rule code or prefix '" + code + "'");
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return codes;
  }

  std::optional<std::vector<PathPattern>> patternList(const toml::node& node) {
    auto globs = stringList(node, "glob patterns");
    if (!globs) return std::nullopt;
    std::vector<PathPattern> patterns;
    for (std::string& glob : *globs) patterns.push_back({std::move(glob), directory_});
    return patterns;
  }

  void readPerFileIgnores(const toml::node& node, ConfigLayer& layer) {
    const toml::table* table = node.as_table();
    if (!table) {
      error("must be a table of glob = [rule codes]");
      return;
    }
    std::string parent = key_;
    for (const auto& [glob, codesNode] : *table) {
      line_ = lineOf(codesNode);
      key_ = parent + "." + std::string(glob.str());
      if (auto codes = codeList(codesNode)) {
        layer.perFileIgnores.push_back({{std::string(glob.str()), directory_}, std::move(*codes)});
      }
    }
  }

  void readSeverity(const toml::node& node, ConfigLayer& layer) {
    const toml::table* table = node.as_table();
    if (!table) {
      error("must be a table of rule code = \"error\", \"warning\", \"info\" or \"hint\"");
      return;
    }
    std::string parent = key_;
    for (const auto& [code, levelNode] : *table) {
      line_ = lineOf(levelNode);
      key_ = parent + "." + std::string(code.str());
      if (!findRule(code.str())) {
        error("unknown rule code");
        continue;
      }
      auto name = levelNode.value<std::string>();
      auto severity = name ? parseSeverity(*name) : std::nullopt;
      if (!severity) {
        error("must be \"error\", \"warning\", \"info\" or \"hint\"");
        continue;
      }
      layer.severity[std::string(code.str())] = *severity;
    }
  }

  std::string file_;
  fs::path directory_;
  std::string keyPrefix_;
  std::vector<ConfigError>& errors_;
  uint32_t line_ = 0;
  std::string key_;
};

// Loads `file` into `loaded` (its bases first); `chain` holds the files extending it, for cycles.
void loadInto(const fs::path& file, bool extended, std::vector<fs::path>& chain,
              LoadedConfig& loaded, std::vector<ConfigError>& errors, bool& configures) {
  std::string name = file.string();
  toml::table document;
  try {
    document = toml::parse_file(name);
  } catch (const toml::parse_error& error) {
    errors.push_back({name, static_cast<uint32_t>(error.source().begin.line), "",
                      std::string(error.description())});
    return;
  }

  const toml::table* table = &document;
  std::string keyPrefix;
  if (isPyproject(file)) {
    const toml::node* section = document.at_path("tool.perfhint").node();
    if (!section) {
      configures = extended;
      if (extended) loaded.files.push_back(name);
      return;
    }
    table = section->as_table();
    keyPrefix = "tool.perfhint.";
    if (!table) {
      errors.push_back({name, lineOf(*section), "tool.perfhint", "must be a table"});
      return;
    }
  }
  configures = true;
  loaded.files.push_back(name);

  std::optional<std::string> extend;
  uint32_t extendLine = 0;
  size_t firstError = errors.size();
  ConfigLayer layer =
      LayerReader(name, file.parent_path(), keyPrefix, errors).read(*table, extend, extendLine);
  // Tables iterate in key order; report in the order of the file.
  std::stable_sort(errors.begin() + static_cast<std::ptrdiff_t>(firstError), errors.end(),
                   [](const ConfigError& a, const ConfigError& b) { return a.line < b.line; });
  if (extend) {
    fs::path base = (file.parent_path() / *extend).lexically_normal();
    std::string key = keyPrefix + "extend";
    if (std::find(chain.begin(), chain.end(), base) != chain.end() || base == file) {
      errors.push_back({name, extendLine, key, "extends " + base.string() + ", which is a cycle"});
    } else if (std::error_code ignored; !fs::is_regular_file(base, ignored)) {
      errors.push_back({name, extendLine, key, "no such file: " + base.string()});
    } else {
      chain.push_back(file);
      bool baseConfigures = false;
      loadInto(base, true, chain, loaded, errors, baseConfigures);
      chain.pop_back();
    }
  }
  loaded.layers.push_back(std::move(layer));
}

}  // namespace

std::string ConfigError::describe() const {
  std::string text = file;
  if (line) {
    text += ':';
    text += std::to_string(line);
  }
  text += ": ";
  if (!key.empty()) {
    text += key;
    text += ": ";
  }
  text += message;
  return text;
}

ConfigLoad loadConfigFile(const fs::path& file) {
  ConfigLoad result;
  LoadedConfig loaded;
  loaded.file = fs::absolute(file).lexically_normal();
  std::vector<fs::path> chain;
  bool configures = false;
  loadInto(loaded.file, false, chain, loaded, result.errors, configures);
  if (result.errors.empty() && configures) result.config = std::move(loaded);
  return result;
}

}  // namespace perfhint::config
