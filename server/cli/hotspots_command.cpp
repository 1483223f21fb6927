// The table follows pstats' print_stats (Lib/pstats.py): ncalls ("12/3" when recursive), tottime,
// tottime per call, cumtime, cumtime per primitive call, filename:lineno(function), times with
// three decimals; so its rows can be compared with what `pstats` prints for the same file.
// Profiles without call counts (sampling, line_profiler) show "-" for ncalls and no per-call
// figures; costs in samples are whole numbers.
#include "server/cli/hotspots_command.h"

#include "analysis/rules/rule.h"                // RuleInfo::code
#include "analysis/syntax/document.h"           // parsing a file for its defs
#include "analysis/syntax/tree_sitter.h"        // a parser for the defs
#include "profile/load_profile.h"               // loadProfile
#include "server/cli/check_command.h"           // exit statuses
#include "server/cli/check_runner.h"            // runCheck
#include "server/cli/file_discovery.h"          // which files
#include "server/cli/file_settings_resolver.h"  // configuration per file
#include "server/cli/measured_findings.h"       // findings per function

#include <fmt/format.h>  // output

#include <nlohmann/json.hpp>  // --format json

#include <algorithm>  // stable_sort
#include <iostream>
#include <map>
#include <optional>
#include <span>

namespace perfhint::cli {
namespace {

using Json = nlohmann::ordered_json;
using profile::CostUnit;
using profile::Profile;
using profile::ProfiledFunction;

// pstats' f8.
std::string f8(double value) {
  return fmt::format("{:8.3f}", value);
}

std::string costColumn(double value, CostUnit unit) {
  return unit == CostUnit::Seconds ? f8(value) : fmt::format("{:8.0f}", value);
}

// pstats' func_std_string, with the workspace's name for files it knows and the line of the
// matching def when the profiler recorded none.
std::string functionLabel(const ProfiledFunction& function, const std::string* workspaceFile,
                          uint32_t line) {
  const profile::FunctionKey& key = function.key;
  if (function.isBuiltin() && key.firstLine == 0) {
    if (key.name.size() >= 2 && key.name.front() == '<' && key.name.back() == '>') {
      return "{" + key.name.substr(1, key.name.size() - 2) + "}";
    }
    return key.name;
  }
  const std::string& file = workspaceFile ? *workspaceFile : key.file;
  if (line == 0) return fmt::format("{}({})", file, key.name);
  return fmt::format("{}:{}({})", file, line, key.name);
}

struct Hotspot {
  size_t function;
  uint32_t line;  ///< as shown: the profile's first line, else the matching def's
  std::vector<const MeasuredFinding*> findings;
};

void writeText(const HotspotsArguments& arguments, const profile::ProfileIndex& index,
               const std::vector<Hotspot>& hotspots) {
  const Profile& profile = index.profile();
  std::string out =
      fmt::format("{} ({}): ", arguments.profile, profile::formatName(profile.format));
  if (profile.hasCallCounts) {
    uint64_t calls = 0, primitive = 0;
    for (const ProfiledFunction& function : profile.functions) {
      calls += function.calls;
      primitive += function.primitiveCalls;
    }
    out += fmt::format("{} function calls", calls);
    if (calls != primitive) out += fmt::format(" ({} primitive calls)", primitive);
    out += " in ";
  }
  out += profile.unit == CostUnit::Seconds ? fmt::format("{:.3f} seconds", profile.totalTime)
                                           : profile::formatCost(profile.totalTime, profile.unit);
  out += fmt::format("\n{} of {} functions, by own time{}\n\n", hotspots.size(),
                     profile.functions.size(),
                     profile.unit == CostUnit::Samples ? " (in samples)" : "");
  out += "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n";
  for (const Hotspot& hotspot : hotspots) {
    const ProfiledFunction& function = profile.functions[hotspot.function];
    bool counted = profile.hasCallCounts;
    std::string calls = counted ? profile::formatCallCounts(function) : "-";
    std::string ownPerCall = counted && function.calls
                                 ? f8(function.ownTime / double(function.calls))
                                 : std::string(8, ' ');
    std::string cumulativePerCall =
        counted && function.primitiveCalls
            ? f8(function.cumulativeTime / double(function.primitiveCalls))
            : std::string(8, ' ');
    out += fmt::format(
        "{:>9} {} {} {} {} {}\n", calls, costColumn(function.ownTime, profile.unit), ownPerCall,
        costColumn(function.cumulativeTime, profile.unit), cumulativePerCall,
        functionLabel(function, index.workspaceFileOf(hotspot.function), hotspot.line));
    for (const MeasuredFinding* measured : hotspot.findings) {
      DisplayPosition position = displayPosition(*measured->file, measured->finding->range.start);
      out +=
          fmt::format("          {}:{}:{}: {} {}\n", measured->file->path, position.line,
                      position.column, measured->finding->rule->code, measured->finding->message);
    }
  }
  std::cout << out;
}

void writeJson(const HotspotsArguments& arguments, const profile::ProfileIndex& index,
               const std::vector<Hotspot>& hotspots) {
  const Profile& profile = index.profile();
  Json functions = Json::array();
  for (const Hotspot& hotspot : hotspots) {
    const ProfiledFunction& function = profile.functions[hotspot.function];
    const std::string* workspaceFile = index.workspaceFileOf(hotspot.function);
    Json findings = Json::array();
    for (const MeasuredFinding* measured : hotspot.findings) {
      DisplayPosition position = displayPosition(*measured->file, measured->finding->range.start);
      findings.push_back({{"code", measured->finding->rule->code},
                          {"name", measured->finding->rule->name},
                          {"message", measured->finding->message},
                          {"filename", measured->file->path},
                          {"location", {{"row", position.line}, {"column", position.column}}}});
    }
    bool counted = profile.hasCallCounts;
    functions.push_back(
        {{"name", function.key.name},
         {"file", function.key.file},
         {"workspace_file", workspaceFile ? Json(*workspaceFile) : Json(nullptr)},
         {"line", hotspot.line ? Json(hotspot.line) : Json(nullptr)},
         {"ncalls", counted ? Json(profile::formatCallCounts(function)) : Json(nullptr)},
         {"calls", counted ? Json(function.calls) : Json(nullptr)},
         {"primitive_calls", counted ? Json(function.primitiveCalls) : Json(nullptr)},
         {"own_time", function.ownTime},
         {"cumulative_time", function.cumulativeTime},
         {"share", profile.shareOfRun(function.ownTime)},
         {"findings", std::move(findings)}});
  }
  Json document = {{"profile", arguments.profile},
                   {"format", profile::formatName(profile.format)},
                   {"unit", profile.unit == CostUnit::Seconds ? "seconds" : "samples"},
                   {"total", profile.totalTime},
                   {"functions", std::move(functions)}};
  std::cout << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

// The line a function is listed with: the profile's first line, else (sampling profilers) the
// first line of the def it matches in the workspace, as co_firstlineno would give it; 1 for
// module-level code; 0 when unknown.
uint32_t definitionLine(const profile::ProfileIndex& index, std::span<const FileResult> results,
                        size_t function, TSParser& parser) {
  const ProfiledFunction& profiled = index.profile().functions[function];
  if (profiled.key.firstLine) return profiled.key.firstLine;
  const std::string* file = index.workspaceFileOf(function);
  if (!file) return 0;
  if (profiled.key.name == "<module>") return 1;
  for (const FileResult& result : results) {
    if (result.path != *file || !result.error.empty()) continue;
    Document document(result.text, parser);
    std::vector<profile::PythonFunction> functions = profile::pythonFunctions(document);
    for (size_t i = 0; i < functions.size(); ++i) {
      if (index.find(*file, functions, i) == function) return functions[i].firstLine;
    }
  }
  return 0;
}

}  // namespace

CLI::App* addHotspotsCommand(CLI::App& app, HotspotsArguments& arguments) {
  CLI::App* hotspots = app.add_subcommand(
      "hotspots", "List the functions a profile spent the most time in, with the findings in each");
  hotspots
      ->add_option("profile", arguments.profile,
                   "cProfile output, py-spy speedscope or raw output, or a line_profiler report")
      ->required();
  hotspots->add_option(
      "paths", arguments.paths,
      "The workspace: files or directories the profile's paths map to (default: .)");
  hotspots->add_option("--top", arguments.top, "How many functions to list (default: 10)")
      ->check(CLI::PositiveNumber);
  hotspots->add_option("--format", arguments.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  hotspots->add_flag("--isolated", arguments.isolated,
                     "Ignore configuration files (perfhint.toml, pyproject.toml)");
  return hotspots;
}

int runHotspotsCommand(const HotspotsArguments& arguments) {
  profile::ProfileLoad load = profile::loadProfile(arguments.profile);
  if (!load.profile) {
    fmt::print(stderr, "perfhint: invalid profile: {}\n", load.error.describe());
    return kExitError;
  }

  FileSettingsResolver resolver({}, arguments.isolated);
  DiscoveryOptions discovery;
  discovery.respectGitignore = [&](const std::string& directory) {
    return resolver.forDirectory(directory).respectGitignore;
  };
  discovery.isExcluded = [&](const std::string& path) { return resolver.isExcluded(path); };
  DiscoveredFiles discovered = discoverPythonFiles(arguments.paths, discovery);
  CheckOptions options;
  for (const std::string& file : discovered.files)
    options.perFile.push_back(resolver.settingsFor(file));
  for (const config::ConfigError& error : resolver.errors()) {
    fmt::print(stderr, "perfhint: invalid configuration: {}\n", error.describe());
  }
  if (!resolver.errors().empty()) return kExitError;
  for (const std::string& error : discovered.errors) fmt::print(stderr, "perfhint: {}\n", error);
  std::vector<FileResult> results = runCheck(discovered.files, options);
  bool failed = !discovered.errors.empty();
  for (const FileResult& result : results) {
    if (result.error.empty()) continue;
    fmt::print(stderr, "perfhint: {}: {}\n", result.path, result.error);
    failed = true;
  }

  profile::ProfileIndex index(std::move(*load.profile), discovered.files);
  reportUnmatchedPaths(std::cerr, index, arguments.profile);
  syntax::ParserPtr parser = syntax::makePythonParser();
  std::vector<MeasuredFinding> measured = measureFindings(results, index, *parser);
  std::map<size_t, std::vector<const MeasuredFinding*>> byFunction;
  for (const MeasuredFinding& finding : measured) {
    if (finding.cost.profiled) byFunction[*finding.cost.profiled].push_back(&finding);
  }
  // Findings were sorted by cost; within one function, show them in path and text order.
  for (auto& [function, findings] : byFunction) {
    std::stable_sort(findings.begin(), findings.end(),
                     [](const MeasuredFinding* a, const MeasuredFinding* b) {
                       if (a->file != b->file)
                         return a->file < b->file;  // results are in path order
                       return a->finding < b->finding;
                     });
  }
  std::vector<size_t> order = index.profile().byOwnTime();
  if (order.size() > arguments.top) order.resize(arguments.top);

  std::vector<Hotspot> hotspots;
  for (size_t function : order) {
    Hotspot hotspot{function, definitionLine(index, results, function, *parser), {}};
    if (auto found = byFunction.find(function); found != byFunction.end()) {
      hotspot.findings = found->second;
    }
    hotspots.push_back(std::move(hotspot));
  }
  if (arguments.format == "json") {
    writeJson(arguments, index, hotspots);
  } else {
    writeText(arguments, index, hotspots);
  }
  return failed ? kExitError : kExitClean;
}

}  // namespace perfhint::cli
