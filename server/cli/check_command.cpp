#include "server/cli/check_command.h"

#include "server/cli/check_runner.h"    // runCheck
#include "server/cli/file_discovery.h"  // which files
#include "server/cli/report.h"          // output

#include <fmt/format.h>  // messages

#include <cstdio>    // fileno
#include <cstdlib>   // getenv
#include <fstream>
#include <iostream>
#include <unistd.h>  // isatty

namespace perfhint::cli {

CLI::App* addCheckCommand(CLI::App& app, CheckArguments& arguments) {
  CLI::App* check = app.add_subcommand("check", "Check Python files for slow idioms");
  check->add_option("paths", arguments.paths, "Files or directories to check (default: .)");
  check->add_option("--output-format", arguments.outputFormat, "text, json, sarif or github")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  check->add_option("--select", arguments.select, "Rule codes or prefixes to enable (default: all)")
      ->delimiter(',');
  check->add_option("--ignore", arguments.ignore, "Rule codes or prefixes to disable")->delimiter(',');
  check->add_flag("--fix", arguments.fix, "Apply safe fixes in place");
  check->add_flag("--unsafe-fixes", arguments.unsafeFixes, "Also apply (or offer) unsafe fixes");
  check->add_flag("--diff", arguments.diff, "Print fixes as a unified diff; change no file");
  check->add_flag("--statistics", arguments.statistics, "Print the number of findings per rule");
  check->add_flag("--exit-zero", arguments.exitZero, "Exit with 0 even when there are findings");
  check->add_option("--threads", arguments.threads, "Worker threads (default: one per core)");
  return check;
}

int runCheckCommand(const CheckArguments& arguments) {
  std::string selectionError;
  auto selection = RuleSelection::fromPatterns(arguments.select, arguments.ignore, selectionError);
  if (!selection) {
    fmt::print(stderr, "perfhint: {}\n", selectionError);
    return kExitError;
  }
  if (arguments.fix && arguments.diff) {
    fmt::print(stderr, "perfhint: --fix and --diff cannot be combined\n");
    return kExitError;
  }

  DiscoveredFiles discovered = discoverPythonFiles(arguments.paths);
  bool ioError = !discovered.errors.empty();
  for (const std::string& error : discovered.errors) fmt::print(stderr, "perfhint: {}\n", error);

  CheckOptions options{*selection,
                       arguments.fix ? FixMode::Apply : arguments.diff ? FixMode::Diff : FixMode::Off,
                       arguments.unsafeFixes, arguments.threads};
  std::vector<FileResult> results = runCheck(discovered.files, options);

  size_t findings = 0;
  for (FileResult& result : results) {
    if (!result.error.empty()) {
      fmt::print(stderr, "perfhint: {}: {}\n", result.path, result.error);
      ioError = true;
      continue;
    }
    findings += result.findings.size();
    if (options.fixMode == FixMode::Apply && result.changed()) {
      std::ofstream out(result.path, std::ios::binary | std::ios::trunc);
      out << result.text;
      if (!out.flush()) {
        fmt::print(stderr, "perfhint: {}: cannot write the fixed file\n", result.path);
        ioError = true;
      }
    }
  }
  std::erase_if(results, [](const FileResult& result) { return !result.error.empty(); });

  ReportOptions report{isatty(fileno(stdout)) && !std::getenv("NO_COLOR"), arguments.unsafeFixes};
  if (arguments.statistics) {
    writeStatistics(std::cout, results, report);
  } else {
    writeTextReport(std::cout, results, report);
  }
  std::cout.flush();

  if (ioError) return kExitError;
  if (options.fixMode == FixMode::Diff) {
    bool anyChange = std::any_of(results.begin(), results.end(), [](auto& r) { return r.changed(); });
    return anyChange && !arguments.exitZero ? kExitFindings : kExitClean;
  }
  return findings && !arguments.exitZero ? kExitFindings : kExitClean;
}

}  // namespace perfhint::cli
