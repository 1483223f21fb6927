// `target-version` values ("py38" .. "py314") <-> PythonVersion.
#pragma once

#include "analysis/semantic/python_version.h"

#include <optional>
#include <string>
#include <string_view>

namespace perfhint::config {

/// The version named "py3N" for a supported N, or nullopt.
std::optional<PythonVersion> parsePythonVersion(std::string_view name);

/// "py3N".
std::string pythonVersionName(PythonVersion version);

}  // namespace perfhint::config
