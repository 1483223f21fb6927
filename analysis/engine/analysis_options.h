// What the analysis of one file needs beyond the rule selection: the Python version the code
// targets and per-rule severity overrides. Filled from configuration by the front ends.
#pragma once

#include "analysis/engine/finding.h"           // Severity
#include "analysis/semantic/python_version.h"  // target version

#include <functional>  // less<>
#include <map>
#include <string>

namespace perfhint {

struct AnalysisOptions {
  /// Rules and fixes suggest nothing that needs a newer Python than this.
  PythonVersion targetVersion = kNewestPythonVersion;
  /// Replaces a rule's default severity (the loop-depth raise still applies on top).
  std::map<std::string, Severity, std::less<>> severity;
};

}  // namespace perfhint
