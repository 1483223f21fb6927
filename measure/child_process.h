// Runs a program to completion and collects what it prints.
#pragma once

#include <string>
#include <vector>

namespace perfhint::measure {

struct ChildResult {
  bool started = false;  ///< false when the program could not be run (`error` says why)
  int exitStatus = -1;   ///< the exit status, or 128 + signal number
  std::string output;    ///< standard output
  std::string errors;    ///< standard error
  std::string error;
};

/// Runs `arguments[0]` (searched in PATH) with the rest as its arguments.
ChildResult runChild(const std::vector<std::string>& arguments);

}  // namespace perfhint::measure
