// `perfhint hotspots PROFILE [PATHS...]`: the functions a profile spent the most own time in, as
// `pstats` lists them sorted by tottime, each followed by perfhint's findings inside it.
#pragma once

#include <CLI/CLI.hpp>  // subcommand registration

#include <string>
#include <vector>

namespace perfhint::cli {

struct HotspotsArguments {
  std::string profile;
  std::vector<std::string> paths{"."};  ///< the workspace whose files the profile's paths map to
  size_t top = 10;
  std::string format = "text";
  bool isolated = false;
};

CLI::App* addHotspotsCommand(CLI::App& app, HotspotsArguments& arguments);

/// Prints the hotspots; 0 on success, 2 when the profile or the files cannot be read.
int runHotspotsCommand(const HotspotsArguments& arguments);

}  // namespace perfhint::cli
