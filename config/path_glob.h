// Matching file paths against the globs of `exclude` and `per-file-ignores`.
#pragma once

#include "config/config_layer.h"  // PathPattern

#include <filesystem>
#include <string_view>

namespace perfhint::config {

/// Whether a '/'-separated relative path matches a glob: `*` and `?` and `[...]` stay within
/// one path component, `**` as a whole component matches any number of components.
bool globMatches(std::string_view glob, std::string_view path);

/// Whether `file` (absolute, normalised) or one of its parent directories below the pattern's
/// base matches. A glob without '/' is tried against each component's name (`tests` matches
/// every directory named tests, `__init__.py` every such file); a glob with '/' against the
/// path relative to the base (`src/gen/*.py`). Files outside the base never match.
bool pathMatches(const PathPattern& pattern, const std::filesystem::path& file);

}  // namespace perfhint::config
