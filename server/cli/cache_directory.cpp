#include "server/cli/cache_directory.h"

#include "server/cli/check_command.h"  // exit statuses

#include <fmt/format.h>  // messages

#include <fstream>
#include <sstream>
#include <system_error>

namespace perfhint::cli {
namespace fs = std::filesystem;

fs::path defaultCacheDirectory(FileSettingsResolver& resolver) {
  std::error_code error;
  fs::path here = fs::current_path(error);
  const config::ResolvedConfig& config = resolver.forDirectory(here);
  if (config.files.empty()) return kCacheDirectoryName;
  fs::path root = fs::path(config.files.front()).parent_path();
  return (root / kCacheDirectoryName).lexically_proximate(here);
}

CLI::App* addCleanCommand(CLI::App& app, CleanArguments& arguments) {
  CLI::App* clean = app.add_subcommand("clean", "Remove the cache of `perfhint check`");
  clean
      ->add_option("--cache-dir", arguments.cacheDir,
                   "The cache directory (default: .perfhint_cache in the project root)")
      ->envname("PERFHINT_CACHE_DIR");
  clean->add_flag("--isolated", arguments.isolated,
                  "Ignore configuration files when looking for the project root");
  return clean;
}

int runCleanCommand(const CleanArguments& arguments) {
  fs::path directory = arguments.cacheDir;
  if (directory.empty()) {
    FileSettingsResolver resolver({}, arguments.isolated);
    directory = defaultCacheDirectory(resolver);
  }
  std::error_code error;
  if (!fs::exists(directory, error)) {
    fmt::print("No cache at {}\n", directory.string());
    return kExitClean;
  }
  std::ifstream tag(directory / "CACHEDIR.TAG");
  std::stringstream text;
  text << tag.rdbuf();
  if (text.str().find("created by perfhint") == std::string::npos) {
    fmt::print(stderr, "perfhint: {} is not a perfhint cache (no CACHEDIR.TAG of perfhint's)\n",
               directory.string());
    return kExitError;
  }
  fs::remove_all(directory, error);
  if (error) {
    fmt::print(stderr, "perfhint: cannot remove {}: {}\n", directory.string(), error.message());
    return kExitError;
  }
  fmt::print("Removed the cache at {}\n", directory.string());
  return kExitClean;
}

}  // namespace perfhint::cli
