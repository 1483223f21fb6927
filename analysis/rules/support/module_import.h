// What a fix needs to call into a module the file may not import yet (`asyncio.sleep` in place of
// `time.sleep`): the name the module goes by where the fix lands, and an edit that imports it.
#pragma once

#include "analysis/fix/fix.h"                  // the import edit
#include "analysis/semantic/semantic_model.h"  // imports, scopes

#include <optional>
#include <string>
#include <string_view>

namespace perfhint {

/// The name `module` (a top-level module such as "asyncio") is reachable by from `site`:
/// its alias when `import module as alias` is in scope, the module's own name when it is
/// imported plainly or not imported at all (then importEdit supplies the import). Empty when the
/// name cannot be used: the module's name is bound to something else there.
std::string moduleNameAt(std::string_view module, const Site& site, const SemanticModel& model);

/// An edit that adds `import module` beside the file's first module-level import (after the
/// docstring and `from __future__` imports when there is none), or nothing when the module is
/// already imported at module level or in a function around `site` (under its own name or an
/// alias, which the fix then uses) or its name is bound to something else.
std::optional<FixEdit> importEdit(std::string_view module, const Site& site,
                                  const SemanticModel& model);

}  // namespace perfhint
