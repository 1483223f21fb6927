// The user's own timings from `perfhint measure`, kept in their cache directory per interpreter
// (`$XDG_CACHE_HOME/perfhint/measurements.json`, else `~/.cache/perfhint/...`), so that hover
// can show how each fix does on the Python they run.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint::measure {

struct UserFigure {
  std::string python;  ///< "CPython 3.12.1"
  std::string code;    ///< "PH201"
  long n = 0;
  double beforeSeconds = 0;
  double afterSeconds = 0;
};

/// Where the user's figures live; empty when neither XDG_CACHE_HOME nor HOME is set.
std::filesystem::path userMeasurementsPath();

/// Every figure in the file. A missing or damaged file gives none: it is rewritten on the next
/// save, never trusted.
std::vector<UserFigure> loadUserFigures(const std::filesystem::path& path);

/// The figures for one rule, one per interpreter.
std::vector<UserFigure> userFiguresFor(const std::filesystem::path& path, std::string_view code);

/// Adds or replaces figures (same interpreter and rule) and writes the file atomically. Returns
/// false with `error` set when it cannot be written.
bool saveUserFigures(const std::filesystem::path& path, const std::vector<UserFigure>& figures,
                     std::string& error);

}  // namespace perfhint::measure
