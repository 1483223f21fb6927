#include "server/cli/file_discovery.h"

#include <algorithm>   // sort, unique
#include <array>
#include <filesystem>
#include <string_view>

namespace perfhint::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 9> kSkippedDirectories = {
    ".git", ".hg", "__pycache__", "node_modules", ".tox", ".nox", ".mypy_cache",
    ".perfhint_cache", ".venv"};

bool isSkippedDirectory(const fs::path& directory) {
  std::string name = directory.filename().string();
  if (std::find(kSkippedDirectories.begin(), kSkippedDirectories.end(), name) !=
      kSkippedDirectories.end()) {
    return true;
  }
  // A virtual environment under any name carries pyvenv.cfg.
  std::error_code ignored;
  return fs::exists(directory / "pyvenv.cfg", ignored);
}

bool isPythonFile(const fs::path& file) {
  std::string extension = file.extension().string();
  return extension == ".py" || extension == ".pyi";
}

std::string displayPath(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  if (text.starts_with("./")) text.erase(0, 2);
  return text;
}

}  // namespace

DiscoveredFiles discoverPythonFiles(const std::vector<std::string>& paths) {
  DiscoveredFiles result;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      result.errors.push_back(path + ": no such file or directory");
      continue;
    }
    if (!fs::is_directory(status)) {
      result.files.push_back(displayPath(path));
      continue;
    }
    fs::recursive_directory_iterator walk(path, fs::directory_options::skip_permission_denied, error);
    if (error) {
      result.errors.push_back(path + ": " + error.message());
      continue;
    }
    for (auto entry = walk; entry != fs::recursive_directory_iterator(); entry.increment(error)) {
      if (error) {
        result.errors.push_back(path + ": " + error.message());
        break;
      }
      std::error_code typeError;
      if (entry->is_directory(typeError)) {
        if (isSkippedDirectory(entry->path())) entry.disable_recursion_pending();
      } else if (entry->is_regular_file(typeError) && isPythonFile(entry->path())) {
        result.files.push_back(displayPath(entry->path()));
      }
    }
  }
  std::sort(result.files.begin(), result.files.end());
  result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
  return result;
}

}  // namespace perfhint::cli
