// `perfhint rule CODE`, `perfhint rule --all`, `perfhint rule --markdown`, `perfhint rule --table`.
#pragma once

#include <CLI/CLI.hpp>  // subcommand registration

#include <string>

namespace perfhint::cli {

struct RuleArguments {
  std::string code;
  bool all = false;
  bool markdown = false;
  bool table = false;
};

CLI::App* addRuleCommand(CLI::App& app, RuleArguments& arguments);

/// Prints the documentation and returns the exit status (2 for an unknown code).
int runRuleCommand(const RuleArguments& arguments);

}  // namespace perfhint::cli
