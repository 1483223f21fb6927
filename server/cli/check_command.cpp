#include "server/cli/check_command.h"

#include "analysis/syntax/tree_sitter.h"        // a parser for --profile
#include "config/python_version_name.h"         // --target-version
#include "profile/load_profile.h"               // --profile
#include "server/cli/cache_directory.h"         // where the cache lives
#include "server/cli/cache_keys.h"              // toolFingerprint
#include "server/cli/check_cache.h"             // earlier results
#include "server/cli/check_runner.h"            // runCheck
#include "server/cli/file_discovery.h"          // which files
#include "server/cli/file_settings_resolver.h"  // configuration per file
#include "server/cli/measured_findings.h"       // --profile
#include "server/cli/report.h"                  // output

#include <fmt/format.h>  // messages

#include <unistd.h>   // isatty
#include <algorithm>  // any_of, count_if, erase_if
#include <cstdio>     // fileno
#include <cstdlib>    // getenv
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <span>
#include <string>

namespace perfhint::cli {
namespace {

// Combinations that have no meaning; nullopt when the arguments are fine.
std::optional<std::string> usageError(const CheckArguments& arguments) {
  if (arguments.fix && arguments.diff) return "--fix and --diff cannot be combined";
  if (arguments.diff && arguments.outputFormat != "text") {
    return "--diff prints a unified diff; it cannot be combined with --output-format " +
           arguments.outputFormat;
  }
  if (arguments.statistics && arguments.outputFormat != "text") {
    return "--statistics prints text; it cannot be combined with --output-format " +
           arguments.outputFormat;
  }
  if (arguments.isolated && !arguments.configFile.empty()) {
    return "--isolated reads no configuration file; it cannot be combined with --config";
  }
  if (!arguments.profile.empty() &&
      (arguments.diff || arguments.statistics ||
       (arguments.outputFormat != "text" && arguments.outputFormat != "json"))) {
    return "--profile orders and annotates the text and json reports; it cannot be combined with " +
           std::string(arguments.diff         ? "--diff"
                       : arguments.statistics ? "--statistics"
                                              : "--output-format " + arguments.outputFormat);
  }
  if (!arguments.targetVersion.empty() && !config::parsePythonVersion(arguments.targetVersion)) {
    return "unknown target version '" + arguments.targetVersion + "' (use py38, py39, ..., py314)";
  }
  for (const std::string& pattern : arguments.extendSelect) {
    std::string error;
    if (!RuleSelection::fromPatterns({pattern}, {}, error)) {
      return "unknown rule code or prefix in extend-select: '" + pattern + "'";
    }
  }
  return std::nullopt;
}

// The command line as the configuration layer above every file.
config::ConfigLayer commandLineLayer(const CheckArguments& arguments) {
  config::ConfigLayer layer;
  if (!arguments.select.empty()) layer.select = arguments.select;
  layer.ignore = arguments.ignore;
  layer.extendSelect = arguments.extendSelect;
  if (!arguments.targetVersion.empty()) {
    layer.targetVersion = config::parsePythonVersion(arguments.targetVersion);
  }
  if (arguments.unsafeFixes) layer.unsafeFixes = true;
  // Command-line globs are relative to the working directory.
  std::filesystem::path here = absolutePath(".");
  auto patterns = [&](const std::vector<std::string>& globs) {
    std::vector<config::PathPattern> result;
    for (const std::string& glob : globs) result.push_back({glob, here});
    return result;
  };
  if (!arguments.exclude.empty()) layer.exclude = patterns(arguments.exclude);
  layer.extendExclude = patterns(arguments.extendExclude);
  return layer;
}

// Prints each configuration error on stderr; returns whether there was any.
bool reportConfigErrors(const FileSettingsResolver& resolver) {
  for (const config::ConfigError& error : resolver.errors()) {
    fmt::print(stderr, "perfhint: invalid configuration: {}\n", error.describe());
  }
  return !resolver.errors().empty();
}

// --show-settings: the resolved configuration of each named path.
int showSettings(const CheckArguments& arguments, FileSettingsResolver& resolver) {
  std::string out;
  for (const std::string& path : arguments.paths) {
    std::error_code error;
    std::filesystem::path absolute = absolutePath(path);
    bool isDirectory = std::filesystem::is_directory(absolute, error);
    const config::ResolvedConfig& resolved =
        resolver.forDirectory(isDirectory ? absolute : absolute.parent_path());
    if (!out.empty()) out += "\n";
    out += config::formatSettings(resolved, absolute);
  }
  if (reportConfigErrors(resolver)) return kExitError;
  std::cout << out;
  return kExitClean;
}

// Reports the files that could not be checked on stderr and drops them; returns how many.
size_t dropUncheckedFiles(std::vector<FileResult>& results) {
  for (const FileResult& result : results) {
    if (!result.error.empty()) fmt::print(stderr, "perfhint: {}: {}\n", result.path, result.error);
  }
  return std::erase_if(results, [](const FileResult& result) { return !result.error.empty(); });
}

// Writes each changed file back in place; returns how many could not be written.
size_t writeFixedFiles(const std::vector<FileResult>& results) {
  size_t failures = 0;
  for (const FileResult& result : results) {
    if (!result.changed()) continue;
    std::ofstream out(result.path, std::ios::binary | std::ios::trunc);
    out << result.fixedFileText();
    if (!out.flush()) {
      fmt::print(stderr, "perfhint: {}: cannot write the fixed file\n", result.path);
      ++failures;
    }
  }
  return failures;
}

// The cache for this run, loaded; nullopt with --no-cache.
std::optional<CheckCache> openCache(const CheckArguments& arguments,
                                    FileSettingsResolver& resolver) {
  if (arguments.noCache) return std::nullopt;
  std::filesystem::path directory = arguments.cacheDir.empty()
                                        ? defaultCacheDirectory(resolver)
                                        : std::filesystem::path(arguments.cacheDir);
  std::optional<CheckCache> cache(std::in_place, directory, toolFingerprint());
  cache->load();
  if (arguments.verbose && !cache->problem().empty()) {
    fmt::print(stderr, "perfhint: cache: ignoring {}: {}\n", cache->file().string(),
               cache->problem());
  }
  return cache;
}

// Saves the cache; a cache that cannot be written costs speed next time, not this run.
void closeCache(const CheckArguments& arguments, CheckCache& cache,
                std::span<const FileResult> results) {
  if (std::string problem = cache.save(); !problem.empty()) {
    fmt::print(stderr, "perfhint: warning: the cache was not saved: {}\n", problem);
  }
  if (arguments.verbose) {
    auto count = [&](ResultSource source) {
      return std::count_if(results.begin(), results.end(),
                           [&](const FileResult& result) { return result.source == source; });
    };
    fmt::print(stderr, "perfhint: cache {}: {} unchanged by metadata, {} by content, {} checked\n",
               cache.directory().string(), count(ResultSource::CacheByStamp),
               count(ResultSource::CacheByContent), count(ResultSource::Analysis));
  }
}

// --profile: each finding with the measured cost of its function, hottest first.
void writeMeasuredReport(const CheckArguments& arguments, std::span<const FileResult> results,
                         const profile::ProfileIndex& index, const ReportOptions& options) {
  syntax::ParserPtr parser = syntax::makePythonParser();
  std::vector<MeasuredFinding> measured = measureFindings(results, index, *parser);
  if (arguments.outputFormat == "json") {
    writeMeasuredJsonReport(std::cout, measured, index.profile());
  } else {
    writeMeasuredTextReport(std::cout, results, measured, index.profile(), options);
  }
}

void writeReport(const CheckArguments& arguments, std::span<const FileResult> results,
                 const ReportOptions& options) {
  const std::string& format = arguments.outputFormat;
  if (arguments.statistics) {
    writeStatistics(std::cout, results, options);
  } else if (format == "json") {
    writeJsonReport(std::cout, results);
  } else if (format == "sarif") {
    writeSarifReport(std::cout, results);
  } else if (format == "github") {
    writeGithubReport(std::cout, results);
  } else {
    writeTextReport(std::cout, results, options);
  }
}

}  // namespace

CLI::App* addCheckCommand(CLI::App& app, CheckArguments& arguments) {
  CLI::App* check = app.add_subcommand("check", "Check Python files for slow idioms");
  check->add_option("paths", arguments.paths, "Files or directories to check (default: .)");
  check->add_option("--output-format", arguments.outputFormat, "text, json, sarif or github")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  // One value per occurrence (comma-separated, repeatable), so that the paths after
  // `--select PH701` stay paths.
  check->add_option("--select", arguments.select, "Rule codes or prefixes to enable (default: all)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check->add_option("--ignore", arguments.ignore, "Rule codes or prefixes to disable")
      ->delimiter(',')
      ->allow_extra_args(false);
  check
      ->add_option("--extend-select", arguments.extendSelect,
                   "Rule codes or prefixes to enable on top of the configuration")
      ->delimiter(',')
      ->allow_extra_args(false);
  check->add_option("--target-version", arguments.targetVersion,
                    "Oldest Python the code must run on: py38 ... py314");
  check->add_flag("--fix", arguments.fix, "Apply safe fixes in place");
  check->add_flag("--unsafe-fixes", arguments.unsafeFixes, "Also apply (or offer) unsafe fixes");
  check->add_flag("--diff", arguments.diff, "Print fixes as a unified diff; change no file");
  check->add_flag("--statistics", arguments.statistics, "Print the number of findings per rule");
  check->add_flag("--exit-zero", arguments.exitZero, "Exit with 0 even when there are findings");
  check->add_option("--threads", arguments.threads, "Worker threads (default: one per core)");
  check->add_flag("--show-settings", arguments.showSettings,
                  "Print the configuration in force for each path; check nothing");
  check->add_flag("--isolated", arguments.isolated,
                  "Ignore configuration files (perfhint.toml, pyproject.toml)");
  check->add_option("--config", arguments.configFile,
                    "Use this configuration file for every path instead of discovery");
  check
      ->add_option("--exclude", arguments.exclude,
                   "Globs a directory walk leaves out, replacing the configuration's `exclude`")
      ->delimiter(',')
      ->allow_extra_args(false);
  check->add_option("--extend-exclude", arguments.extendExclude, "Globs added to the excludes")
      ->delimiter(',')
      ->allow_extra_args(false);
  check->add_flag("--no-cache", arguments.noCache, "Neither read nor write the cache");
  check
      ->add_option("--cache-dir", arguments.cacheDir,
                   "Where to keep the cache (default: .perfhint_cache in the project root)")
      ->envname("PERFHINT_CACHE_DIR");
  check->add_flag("-v,--verbose", arguments.verbose,
                  "Say on stderr where the cache is and how many files it answered");
  check->add_option("--profile", arguments.profile,
                    "A profile of the code (cProfile, py-spy speedscope or raw, line_profiler): "
                    "annotate findings with measured costs, hottest first");
  return check;
}

int runCheckCommand(const CheckArguments& arguments) {
  if (std::optional<std::string> error = usageError(arguments)) {
    fmt::print(stderr, "perfhint: {}\n", *error);
    return kExitError;
  }
  std::string selectionError;
  auto selection = RuleSelection::fromPatterns(arguments.select, arguments.ignore, selectionError);
  if (!selection) {
    fmt::print(stderr, "perfhint: {}\n", selectionError);
    return kExitError;
  }

  FileSettingsResolver resolver(commandLineLayer(arguments), arguments.isolated,
                                arguments.configFile);
  if (arguments.showSettings) return showSettings(arguments, resolver);

  DiscoveryOptions discovery;
  discovery.respectGitignore = [&](const std::string& directory) {
    return resolver.forDirectory(directory).respectGitignore;
  };
  discovery.isExcluded = [&](const std::string& path) { return resolver.isExcluded(path); };
  DiscoveredFiles discovered = discoverPythonFiles(arguments.paths, discovery);

  FixMode fixMode = FixMode::Off;
  if (arguments.fix) fixMode = FixMode::Apply;
  if (arguments.diff) fixMode = FixMode::Diff;
  CheckOptions options{*selection, fixMode, arguments.unsafeFixes, arguments.threads, {}};
  for (const std::string& file : discovered.files) {
    options.perFile.push_back(resolver.settingsFor(file));
  }
  // A broken configuration must not silently check with other rules than the user meant.
  if (reportConfigErrors(resolver)) return kExitError;
  // Whether reports count unsafe fixes as applicable: from the flag or any file's configuration.
  bool unsafeFixes = arguments.unsafeFixes ||
                     std::any_of(options.perFile.begin(), options.perFile.end(),
                                 [](const auto& settings) { return settings->unsafeFixes; });
  for (const std::string& error : discovered.errors) fmt::print(stderr, "perfhint: {}\n", error);
  std::optional<CheckCache> cache = openCache(arguments, resolver);
  if (cache) options.cache = &*cache;
  // The profile is read before the check, so a bad one costs no analysis.
  std::optional<profile::ProfileIndex> profileIndex;
  if (!arguments.profile.empty()) {
    profile::ProfileLoad load = profile::loadProfile(arguments.profile);
    if (!load.profile) {
      fmt::print(stderr, "perfhint: invalid profile: {}\n", load.error.describe());
      return kExitError;
    }
    profileIndex.emplace(std::move(*load.profile), discovered.files);
    reportUnmatchedPaths(std::cerr, *profileIndex, arguments.profile);
  }

  // In the order of `discovered.files`: sorted by path, findings in text order.
  std::vector<FileResult> results = runCheck(discovered.files, options);
  size_t failures = discovered.errors.size() + dropUncheckedFiles(results);
  if (options.fixMode == FixMode::Apply) failures += writeFixedFiles(results);
  if (cache) closeCache(arguments, *cache, results);

  bool found;  // a finding, or with --diff a change
  if (options.fixMode == FixMode::Diff) {
    writeUnifiedDiffs(std::cout, results);
    std::cout.flush();
    writeDiffSummary(std::cerr, results, unsafeFixes);
    found = std::any_of(results.begin(), results.end(),
                        [](const FileResult& result) { return result.changed(); });
  } else {
    bool color = isatty(fileno(stdout)) && !std::getenv("NO_COLOR");
    if (profileIndex) {
      writeMeasuredReport(arguments, results, *profileIndex, {color, unsafeFixes, failures});
    } else {
      writeReport(arguments, results, {color, unsafeFixes, failures});
    }
    found = std::any_of(results.begin(), results.end(),
                        [](const FileResult& result) { return !result.findings.empty(); });
  }
  std::cout.flush();

  if (failures) return kExitError;
  return found && !arguments.exitZero ? kExitFindings : kExitClean;
}

}  // namespace perfhint::cli
