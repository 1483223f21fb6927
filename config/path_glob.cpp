#include "config/path_glob.h"

#include <fnmatch.h>  // one component

#include <string>
#include <vector>

namespace perfhint::config {
namespace {

std::vector<std::string> components(std::string_view path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    if (!part.empty() && part != ".") parts.emplace_back(part);
    start = slash + 1;
  }
  return parts;
}

bool componentMatches(const std::string& glob, const std::string& name) {
  return fnmatch(glob.c_str(), name.c_str(), 0) == 0;
}

bool matchFrom(const std::vector<std::string>& glob, size_t g, const std::vector<std::string>& path,
               size_t p) {
  if (g == glob.size()) return p == path.size();
  if (glob[g] == "**") {
    for (size_t skip = p; skip <= path.size(); ++skip) {
      if (matchFrom(glob, g + 1, path, skip)) return true;
    }
    return false;
  }
  return p < path.size() && componentMatches(glob[g], path[p]) &&
         matchFrom(glob, g + 1, path, p + 1);
}

}  // namespace

bool globMatches(std::string_view glob, std::string_view path) {
  return matchFrom(components(glob), 0, components(path), 0);
}

bool pathMatches(const PathPattern& pattern, const std::filesystem::path& file) {
  std::filesystem::path relative = file.lexically_relative(pattern.base);
  std::string text = relative.generic_string();
  if (relative.empty() || text == ".." || text.starts_with("../")) return false;
  std::vector<std::string> parts = components(text);
  if (pattern.glob.find('/') == std::string::npos) {
    for (const std::string& part : parts) {
      if (componentMatches(pattern.glob, part)) return true;
    }
    return false;
  }
  // The file itself or any directory above it, down from the base.
  std::vector<std::string> glob = components(pattern.glob);
  std::vector<std::string> prefix;
  for (const std::string& part : parts) {
    prefix.push_back(part);
    if (matchFrom(glob, 0, prefix, 0)) return true;
  }
  return false;
}

}  // namespace perfhint::config
