#include "server/cli/check_command.h"

#include "server/cli/check_runner.h"    // runCheck
#include "server/cli/file_discovery.h"  // which files
#include "server/cli/report.h"          // output

#include <fmt/format.h>  // messages

#include <unistd.h>   // isatty
#include <algorithm>  // any_of, erase_if
#include <cstdio>     // fileno
#include <cstdlib>    // getenv
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
  return std::nullopt;
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
    out << result.text;
    if (!out.flush()) {
      fmt::print(stderr, "perfhint: {}: cannot write the fixed file\n", result.path);
      ++failures;
    }
  }
  return failures;
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
  check->add_flag("--fix", arguments.fix, "Apply safe fixes in place");
  check->add_flag("--unsafe-fixes", arguments.unsafeFixes, "Also apply (or offer) unsafe fixes");
  check->add_flag("--diff", arguments.diff, "Print fixes as a unified diff; change no file");
  check->add_flag("--statistics", arguments.statistics, "Print the number of findings per rule");
  check->add_flag("--exit-zero", arguments.exitZero, "Exit with 0 even when there are findings");
  check->add_option("--threads", arguments.threads, "Worker threads (default: one per core)");
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

  DiscoveredFiles discovered = discoverPythonFiles(arguments.paths);
  for (const std::string& error : discovered.errors) fmt::print(stderr, "perfhint: {}\n", error);

  FixMode fixMode = FixMode::Off;
  if (arguments.fix) fixMode = FixMode::Apply;
  if (arguments.diff) fixMode = FixMode::Diff;
  CheckOptions options{*selection, fixMode, arguments.unsafeFixes, arguments.threads};
  // In the order of `discovered.files`: sorted by path, findings in text order.
  std::vector<FileResult> results = runCheck(discovered.files, options);
  size_t failures = discovered.errors.size() + dropUncheckedFiles(results);
  if (options.fixMode == FixMode::Apply) failures += writeFixedFiles(results);

  bool found;  // a finding, or with --diff a change
  if (options.fixMode == FixMode::Diff) {
    writeUnifiedDiffs(std::cout, results);
    std::cout.flush();
    writeDiffSummary(std::cerr, results, arguments.unsafeFixes);
    found = std::any_of(results.begin(), results.end(),
                        [](const FileResult& result) { return result.changed(); });
  } else {
    bool color = isatty(fileno(stdout)) && !std::getenv("NO_COLOR");
    writeReport(arguments, results, {color, arguments.unsafeFixes, failures});
    found = std::any_of(results.begin(), results.end(),
                        [](const FileResult& result) { return !result.findings.empty(); });
  }
  std::cout.flush();

  if (failures) return kExitError;
  return found && !arguments.exitZero ? kExitFindings : kExitClean;
}

}  // namespace perfhint::cli
