// `perfhint measure CODE... | --all`: times each rule's before and after example with the
// user's Python and prints the speed-up; the figures are kept for hover.
#pragma once

#include <CLI/CLI.hpp>  // subcommand registration

#include <string>
#include <vector>

namespace perfhint::cli {

struct MeasureArguments {
  std::vector<std::string> codes;
  bool all = false;
  std::string python = "python3";
  long n = 1000;
  int repeat = 5;
  std::string format = "text";
  bool save = true;
};

CLI::App* addMeasureCommand(CLI::App& app, MeasureArguments& arguments);

/// Returns 0 when every timing succeeded, 1 when one failed, 2 for a usage error.
int runMeasureCommand(const MeasureArguments& arguments);

}  // namespace perfhint::cli
