#include "bench/corpus.h"

#include "server/cli/source_file.h"  // loadSource: the same refusals as the check

#include <algorithm>  // count, sort
#include <filesystem>

namespace perfhint::bench {

namespace fs = std::filesystem;

std::vector<std::string> Corpus::paths() const {
  std::vector<std::string> result;
  result.reserve(files.size());
  for (const CorpusFile& file : files) result.push_back(file.path);
  return result;
}

std::string pathUnderRoot(const std::string& path, const std::vector<std::string>& roots) {
  for (const std::string& root : roots) {
    if (path.size() > root.size() && path.starts_with(root)) {
      return path.substr(root.size() + (path[root.size()] == '/' ? 1 : 0));
    }
  }
  return path;
}

uint32_t countLines(const std::string& text) {
  auto lines = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
  return lines + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

Corpus loadCorpus(const std::vector<std::string>& roots) {
  std::vector<std::string> paths;
  for (const std::string& root : roots) {
    std::error_code error;
    if (!fs::is_directory(root, error)) {
      paths.push_back(root);
      continue;
    }
    for (fs::recursive_directory_iterator
             it(root, fs::directory_options::skip_permission_denied, error),
         end;
         !error && it != end; it.increment(error)) {
      if (it->is_regular_file(error) && it->path().extension() == ".py") {
        paths.push_back(it->path().string());
      }
    }
  }
  std::sort(paths.begin(), paths.end());

  Corpus corpus;
  for (std::string& path : paths) {
    cli::LoadedSource source = cli::loadSource(path);
    if (!source.text) {
      ++corpus.skipped;
      continue;
    }
    CorpusFile file{std::move(path), std::move(*source.text), 0};
    file.lines = countLines(file.text);
    corpus.bytes += file.text.size();
    corpus.lines += file.lines;
    corpus.files.push_back(std::move(file));
  }
  return corpus;
}

}  // namespace perfhint::bench
