// The benchmark corpus: every `.py` file under some paths, read once and kept in memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace perfhint::bench {

/// The corpus when no path is given: the standard library of the Python the project targets.
inline constexpr const char* kDefaultCorpus = "/usr/lib/python3.11";

struct CorpusFile {
  std::string path;
  std::string text;
  uint32_t lines = 0;
};

struct Corpus {
  std::vector<CorpusFile> files;  ///< UTF-8 text files, sorted by path
  size_t skipped = 0;             ///< files refused: not UTF-8 text, or unreadable
  uint64_t bytes = 0;
  uint64_t lines = 0;

  std::vector<std::string> paths() const;
};

/// Loads every `.py` file under `roots` (files named directly are taken as they are), refusing
/// what `perfhint check` refuses (binary or not UTF-8).
Corpus loadCorpus(const std::vector<std::string>& roots);

/// `path` relative to the root it was found under, for display.
std::string pathUnderRoot(const std::string& path, const std::vector<std::string>& roots);

/// Lines in a text: a last line without '\n' counts too.
uint32_t countLines(const std::string& text);

}  // namespace perfhint::bench
