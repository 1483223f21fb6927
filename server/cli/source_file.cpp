#include "server/cli/source_file.h"

#include "analysis/syntax/utf8.h"  // validation

#include <cerrno>   // errno
#include <cstring>  // strerror
#include <fstream>
#include <sstream>

namespace perfhint::cli {

LoadedSource loadSource(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, std::string("cannot read: ") + std::strerror(errno)};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return {std::nullopt, std::string("cannot read: ") + std::strerror(errno)};
  std::string text = std::move(buffer).str();

  if (size_t nul = text.find('\0'); nul != std::string::npos) {
    return {std::nullopt, "binary file (NUL byte at offset " + std::to_string(nul) + ")"};
  }
  if (size_t bad = firstInvalidUtf8(text); bad != std::string::npos) {
    return {std::nullopt, "not valid UTF-8 (byte offset " + std::to_string(bad) +
                              "); Python source must be UTF-8"};
  }
  return {std::move(text), {}};
}

}  // namespace perfhint::cli
