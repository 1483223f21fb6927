// Where a class is instantiated, for the rules that only matter when a class has many instances
// (PH303, PH306).
#pragma once

#include "analysis/semantic/semantic_model.h"  // call sites, loops

#include <string_view>

namespace perfhint {

/// Whether a call of the class named `name` (a plain `Name(...)` call) runs on every iteration
/// of some loop in the file.
bool isCreatedInLoop(std::string_view name, const SemanticModel& model);

}  // namespace perfhint
