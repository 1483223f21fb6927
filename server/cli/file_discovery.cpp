#include "server/cli/file_discovery.h"

#include "server/cli/git_ignore.h"  // .gitignore rules

#include <algorithm>  // find, sort, unique
#include <array>
#include <filesystem>
#include <optional>
#include <string_view>

namespace perfhint::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 9> kSkippedDirectories = {
    ".git", ".hg",         "__pycache__",     "node_modules", ".tox",
    ".nox", ".mypy_cache", ".perfhint_cache", ".venv",
};

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
  return extension == ".py" || extension == ".pyi" || extension == ".ipynb";
}

std::string displayPath(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  if (text.starts_with("./")) text.erase(0, 2);
  return text;
}

// Walks one directory named on the command line. Directory symlinks are not followed (they
// could loop); an unreadable directory is reported and the walk goes on beside it.
class DirectoryWalk {
 public:
  DirectoryWalk(const fs::path& root, const DiscoveryOptions& options, DiscoveredFiles& found)
      : root_(root),
        options_(options),
        gitIgnore_(!options.respectGitignore || options.respectGitignore(root.string())
                       ? GitIgnore::forWalk(root)
                       : std::nullopt),
        found_(found) {}

  void run() { walk(root_); }

 private:
  void walk(const fs::path& directory) {
    std::error_code error;
    fs::directory_iterator entries(directory, error);
    for (; !error && entries != fs::directory_iterator(); entries.increment(error)) {
      visit(*entries);
    }
    if (error) {
      found_.errors.push_back(displayPath(directory) +
                              ": cannot read directory: " + error.message());
    }
  }

  void visit(const fs::directory_entry& entry) {
    const fs::path& path = entry.path();
    std::error_code error;
    bool isDirectory = !entry.is_symlink(error) && entry.is_directory(error);
    if (isDirectory) {
      if (!isSkippedDirectory(path) && !isIgnored(path, true)) walk(path);
    } else if (isPythonFile(path) && entry.is_regular_file(error) && !isIgnored(path, false)) {
      found_.files.push_back(displayPath(path));
    }
  }

  bool isIgnored(const fs::path& path, bool isDirectory) const {
    if (options_.isExcluded && options_.isExcluded(path.string())) return true;
    return gitIgnore_ && gitIgnore_->isIgnored(path.lexically_relative(root_), isDirectory);
  }

  fs::path root_;
  const DiscoveryOptions& options_;
  std::optional<GitIgnore> gitIgnore_;
  DiscoveredFiles& found_;
};

}  // namespace

DiscoveredFiles discoverPythonFiles(const std::vector<std::string>& paths,
                                    const DiscoveryOptions& options) {
  DiscoveredFiles result;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) {
      result.errors.push_back(path + ": " +
                              (error && error != std::errc::no_such_file_or_directory
                                   ? "cannot access: " + error.message()
                                   : std::string("no such file or directory")));
    } else if (fs::is_directory(status)) {
      DirectoryWalk(path, options, result).run();
    } else {
      result.files.push_back(displayPath(path));  // named files are checked whatever their name
    }
  }
  std::sort(result.files.begin(), result.files.end());
  result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
  return result;
}

}  // namespace perfhint::cli
