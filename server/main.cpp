// perfhint: finds the reasons Python code runs slow. `check` runs the checker over files,
// `server` runs the language server, `rule` prints rule documentation, `hotspots` lists a
// profile's costliest functions with the findings in them, `measure` times the rules' examples,
// `clean` removes the cache of `check`.
#include "server/cli/cache_directory.h"   // perfhint clean
#include "server/cli/check_command.h"     // perfhint check
#include "server/cli/hotspots_command.h"  // perfhint hotspots
#include "server/cli/measure_command.h"   // perfhint measure
#include "server/cli/rule_command.h"      // perfhint rule
#include "server/lsp/server_command.h"    // perfhint server

#include <CLI/CLI.hpp>  // argument parsing

int main(int argc, char** argv) {
  CLI::App app{"perfhint: finds the reasons Python code runs slow, and fixes them"};
  app.set_version_flag("--version", std::string("perfhint ") + PERFHINT_VERSION);
  app.require_subcommand(1);

  perfhint::cli::CheckArguments checkArguments;
  CLI::App* check = perfhint::cli::addCheckCommand(app, checkArguments);
  perfhint::cli::HotspotsArguments hotspotsArguments;
  CLI::App* hotspots = perfhint::cli::addHotspotsCommand(app, hotspotsArguments);
  perfhint::cli::RuleArguments ruleArguments;
  CLI::App* rule = perfhint::cli::addRuleCommand(app, ruleArguments);
  perfhint::cli::MeasureArguments measureArguments;
  CLI::App* measure = perfhint::cli::addMeasureCommand(app, measureArguments);
  perfhint::cli::CleanArguments cleanArguments;
  CLI::App* clean = perfhint::cli::addCleanCommand(app, cleanArguments);
  perfhint::lsp::ServerArguments serverArguments;
  CLI::App* server = perfhint::lsp::addServerCommand(app, serverArguments);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // CLI11 exits 0 for --help/--version; usage errors become status 2.
    int status = app.exit(error);
    return status == 0 ? 0 : perfhint::cli::kExitError;
  }
  if (check->parsed()) return perfhint::cli::runCheckCommand(checkArguments);
  if (hotspots->parsed()) return perfhint::cli::runHotspotsCommand(hotspotsArguments);
  if (rule->parsed()) return perfhint::cli::runRuleCommand(ruleArguments);
  if (measure->parsed()) return perfhint::cli::runMeasureCommand(measureArguments);
  if (clean->parsed()) return perfhint::cli::runCleanCommand(cleanArguments);
  if (server->parsed()) return perfhint::lsp::runServerCommand(serverArguments);
  return perfhint::cli::kExitError;
}
