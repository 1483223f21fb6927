// Unified diffs of two texts, in the format of GNU `diff -u` (what `patch` and `git apply` read),
// for `perfhint check --diff`.
#pragma once

#include <string>
#include <string_view>

namespace perfhint::cli {

/// The lines of `before` and `after` that differ, as a unified diff headed by
/// `--- beforeLabel` and `+++ afterLabel`, with `context` unchanged lines around each change.
/// Lines compare with their line ends, so a last line without '\n' differs from the same line
/// with one and is followed by `\ No newline at end of file`. Returns "" when the texts are equal.
/// The edit script is a shortest one (Myers), so the cost grows with the size of the change,
/// not with the product of the two lengths.
std::string unifiedDiff(std::string_view before, std::string_view after,
                        std::string_view beforeLabel, std::string_view afterLabel,
                        unsigned context = 3);

}  // namespace perfhint::cli
