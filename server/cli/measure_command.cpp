#include "server/cli/measure_command.h"

#include "analysis/explain/recorded_measurements.h"  // speedupText, durationText
#include "analysis/rules/registry.h"                 // the rules
#include "measure/example_timing.h"                  // timing
#include "measure/user_measurements.h"               // the user's figures
#include "server/cli/check_command.h"                // exit statuses

#include <fmt/format.h>

#include <cctype>

namespace perfhint::cli {

CLI::App* addMeasureCommand(CLI::App& app, MeasureArguments& arguments) {
  CLI::App* measure = app.add_subcommand(
      "measure", "Time rules' before/after examples with your Python and print the speed-ups");
  measure->add_option("codes", arguments.codes, "Rule codes, e.g. PH201");
  measure->add_flag("--all", arguments.all, "Measure every rule with a timed example");
  measure->add_option("--python", arguments.python, "Interpreter to run (default: python3)");
  measure->add_option("--n", arguments.n, "Input size handed to each example (default: 1000)")
      ->check(CLI::Range(1L, 100'000'000L));
  measure->add_option("--repeat", arguments.repeat, "Timing repeats; the best counts (default: 5)")
      ->check(CLI::Range(1, 1000));
  measure->add_option("--format", arguments.format, "Output format: text or tsv")
      ->check(CLI::IsMember({"text", "tsv"}));
  measure->add_flag("!--no-save", arguments.save,
                    "Do not keep the figures in the cache directory for hover");
  return measure;
}

namespace {

std::vector<const Rule*> chosenRules(const MeasureArguments& arguments, bool& ok) {
  std::vector<const Rule*> rules;
  ok = true;
  if (arguments.all) {
    for (const Rule* rule : allRules())
      if (measure::isMeasurable(rule->info())) rules.push_back(rule);
    return rules;
  }
  for (std::string code : arguments.codes) {
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const Rule* rule = findRule(code);
    if (!rule) {
      fmt::print(stderr, "perfhint: unknown rule '{}'; `perfhint rule --all` lists them\n", code);
      ok = false;
    } else if (!measure::isMeasurable(rule->info())) {
      fmt::print(stderr, "perfhint: {} has no timed example (its cost is not in one call)\n", code);
      ok = false;
    } else {
      rules.push_back(rule);
    }
  }
  if (rules.empty() && ok) {
    fmt::print(stderr, "perfhint: give rule codes or --all\n");
    ok = false;
  }
  return rules;
}

}  // namespace

int runMeasureCommand(const MeasureArguments& arguments) {
  bool ok = true;
  std::vector<const Rule*> rules = chosenRules(arguments, ok);
  if (!ok) return kExitError;
  measure::TimingRequest request{arguments.python, arguments.n, arguments.repeat};
  bool tsv = arguments.format == "tsv";
  if (tsv) fmt::print("code\tn\tbefore_seconds\tafter_seconds\tpython\n");
  std::vector<measure::UserFigure> figures;
  std::string python;
  int failures = 0;
  for (const Rule* rule : rules) {
    const RuleInfo& info = rule->info();
    measure::ExampleTiming timing = measure::timeExample(info, request);
    if (!timing.python.empty()) python = timing.python;
    if (!timing.error.empty()) {
      ++failures;
      fmt::print(stderr, "perfhint: {} {}: {}\n", info.code, info.name, timing.error);
      continue;
    }
    figures.push_back({timing.python, std::string(info.code), arguments.n, timing.beforeSeconds,
                       timing.afterSeconds});
    if (tsv) {
      fmt::print("{}\t{}\t{:.4g}\t{:.4g}\t{}\n", info.code, arguments.n, timing.beforeSeconds,
                 timing.afterSeconds, timing.python);
    } else {
      fmt::print("{}  {:<30} n={}  before {:>9}  after {:>9}  {}\n", info.code, info.name,
                 arguments.n, durationText(timing.beforeSeconds), durationText(timing.afterSeconds),
                 speedupText(timing.beforeSeconds, timing.afterSeconds));
    }
    std::fflush(stdout);
  }
  if (!tsv && !figures.empty())
    fmt::print("Best of {} repeats per side, with {} ({}).\n", arguments.repeat, python,
               arguments.python);
  if (arguments.save && !figures.empty()) {
    std::filesystem::path path = measure::userMeasurementsPath();
    std::string error;
    if (path.empty()) {
      fmt::print(stderr, "perfhint: no HOME or XDG_CACHE_HOME: figures not kept\n");
    } else if (!measure::saveUserFigures(path, figures, error)) {
      fmt::print(stderr, "perfhint: {}: figures not kept\n", error);
    }
  }
  return failures ? kExitFindings : kExitClean;
}

}  // namespace perfhint::cli
