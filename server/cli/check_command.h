// `perfhint check`: options, the run, the report and the exit status.
#pragma once

#include <CLI/CLI.hpp>  // subcommand registration

#include <string>
#include <vector>

namespace perfhint::cli {

struct CheckArguments {
  std::vector<std::string> paths{"."};
  std::string outputFormat = "text";
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> extendSelect;
  std::string targetVersion;  ///< empty: from the configuration
  bool fix = false;
  bool unsafeFixes = false;
  bool diff = false;
  bool statistics = false;
  bool exitZero = false;
  unsigned threads = 0;
  bool showSettings = false;  ///< print the resolved configuration of each path instead
  bool isolated = false;      ///< ignore configuration files

  std::string configFile;            ///< `--config`: this file for every path instead of discovery
  std::vector<std::string> exclude;  ///< replaces the configuration's `exclude`
  std::vector<std::string> extendExclude;  ///< added to the excludes

  bool noCache = false;  ///< neither read nor write the cache
  std::string cacheDir;  ///< empty: .perfhint_cache in the project root
  bool verbose = false;  ///< say on stderr what the cache did
  std::string profile;   ///< a profile of the code: findings get its costs, hottest first
};

/// Exit statuses of `perfhint check`: findings (or, with --diff, changes) give 1 unless
/// --exit-zero; a usage error, an invalid configuration file or a path that could not be checked
/// gives 2 regardless.
enum ExitStatus : int { kExitClean = 0, kExitFindings = 1, kExitError = 2 };

/// Adds the `check` subcommand, filling `arguments` when parsed.
CLI::App* addCheckCommand(CLI::App& app, CheckArguments& arguments);

/// Runs the check and returns the exit status.
int runCheckCommand(const CheckArguments& arguments);

}  // namespace perfhint::cli
