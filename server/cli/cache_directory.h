// Where `perfhint check` keeps its cache, and `perfhint clean`, which removes it.
#pragma once

#include "server/cli/file_settings_resolver.h"  // the project root

#include <CLI/CLI.hpp>  // subcommand registration

#include <filesystem>
#include <string>

namespace perfhint::cli {

/// The name of the cache directory in the project root.
inline constexpr const char* kCacheDirectoryName = ".perfhint_cache";

/// `.perfhint_cache` in the project root: the directory of the configuration file that governs
/// the current directory, or the current directory when there is none. Relative to the current
/// directory when it lies below it, for short messages.
std::filesystem::path defaultCacheDirectory(FileSettingsResolver& resolver);

struct CleanArguments {
  std::string cacheDir;  ///< empty: defaultCacheDirectory
  bool isolated = false;
};

/// Adds the `clean` subcommand, filling `arguments` when parsed.
CLI::App* addCleanCommand(CLI::App& app, CleanArguments& arguments);

/// Removes the cache directory; refuses a directory without perfhint's `CACHEDIR.TAG`, so that a
/// mistyped `--cache-dir` cannot delete anything else. Returns the exit status.
int runCleanCommand(const CleanArguments& arguments);

}  // namespace perfhint::cli
