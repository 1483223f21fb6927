// The `def`s of a Python file with the lines a profiler names them by, so profiled functions can
// be found in the source and a finding's enclosing function in the profile.
#pragma once

#include "analysis/syntax/document.h"  // the parsed file

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace perfhint::profile {

struct PythonFunction {
  std::string name;
  uint32_t firstLine = 0;  ///< 1-based; the first decorator's line, as co_firstlineno counts
  uint32_t defLine = 0;    ///< 1-based line of `def`
  uint32_t lastLine = 0;   ///< 1-based
  uint32_t startByte = 0;  ///< of the `def` (decorators excluded: they run in the enclosing scope)
  uint32_t endByte = 0;
};

/// Every function definition in `document`, outer ones before the ones nested in them.
std::vector<PythonFunction> pythonFunctions(const Document& document);

/// The innermost function whose body holds byte `offset`, or -1 at module level.
int innermostFunctionAt(std::span<const PythonFunction> functions, uint32_t offset);

}  // namespace perfhint::profile
