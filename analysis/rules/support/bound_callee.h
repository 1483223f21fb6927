// What a variable holds when it was set from a call: the session, client or executor object a
// method is called on (PH406, PH407).
#pragma once

#include "analysis/semantic/semantic_model.h"  // bindings, imports

#include <string>

namespace perfhint {

/// The qualified name of the call whose result the variable `name` holds where `use` stands
/// (`requests.Session` for `s` after `s = requests.Session()` or inside
/// `with requests.Session() as s:`), looking at the last plain assignment before `use` in its
/// function, then at the module's last one. Empty when the name is bound otherwise (a parameter,
/// a loop target) or not from a call rooted at an import.
std::string boundCallee(TSNode use, std::string_view name, const Site& site,
                        const SemanticModel& model);

}  // namespace perfhint
