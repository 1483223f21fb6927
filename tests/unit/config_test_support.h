// A scratch directory for configuration tests: write files into it, removed at the end.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>  // getpid

namespace perfhint::testing {

class ScratchTree {
 public:
  ScratchTree() {
    static int counter = 0;
    root_ = std::filesystem::temp_directory_path() /
            ("perfhint-config-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~ScratchTree() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  ScratchTree(const ScratchTree&) = delete;
  ScratchTree& operator=(const ScratchTree&) = delete;

  const std::filesystem::path& root() const { return root_; }

  /// Writes `text` to `relative` (creating its directories); returns the absolute path.
  std::filesystem::path write(std::string_view relative, std::string_view text) const {
    std::filesystem::path path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    return path;
  }

 private:
  std::filesystem::path root_;
};

}  // namespace perfhint::testing
