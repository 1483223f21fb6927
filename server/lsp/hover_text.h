// Hover markdown for a finding, or for a rule named in a `# noqa` comment.
#pragma once

#include "analysis/engine/finding.h"  // what is explained

#include <string>

namespace perfhint::lsp {

/// The finding's rule and message, why the idiom is slow here (with the loop depth), the fast
/// form with its example, and whether the fix is safe.
std::string findingHover(const Finding& finding);

}  // namespace perfhint::lsp
