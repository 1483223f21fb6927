// Applying fixes to text: one pass of non-conflicting fixes, and the loop that repeats analysis
// and fixing until nothing more applies, refusing any fix that would break the parse.
#pragma once

#include "analysis/engine/analysis_options.h"  // target version, severities
#include "analysis/engine/finding.h"           // fixes to apply
#include "analysis/rules/rule_selection.h"     // which rules
#include "analysis/syntax/tree_sitter.h"       // reparse to verify

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace perfhint {

/// Whether a finding's fix may be applied under the unsafe-fixes setting.
bool isApplicable(const Finding& finding, bool includeUnsafe);

/// Applies, in text order, each applicable fix that conflicts with none applied before it
/// (overlapping ranges or insertions at the same offset). Returns how many were applied.
size_t applyFixes(std::string& text, std::span<const Finding> findings, bool includeUnsafe);

/// What one round of fixing did.
struct FixRound {
  size_t applied = 0;    ///< fixes applied
  size_t rejected = 0;   ///< fixes refused because the result did not parse
  syntax::TreePtr tree;  ///< the parse of the resulting text when one was made, for reuse
};

/// Like applyFixes, but refuses fixes that break the parse of a text that parsed: when the
/// result has a syntax error, each fix is tried alone on `text` and only those that parse are
/// applied (together if that still parses, else just the first of them).
FixRound applyFixesThatParse(std::string& text, std::span<const Finding> findings,
                             bool includeUnsafe, TSParser& parser);

struct FixOutcome {
  std::string text;     ///< the fixed text
  size_t applied = 0;   ///< fixes applied over all rounds
  size_t rejected = 0;  ///< fixes refused in the last round because the result did not parse
  std::vector<Finding> remaining;  ///< findings of the final text (ranges refer to `text`)
};

/// Analyses, fixes and re-analyses until no applicable fix is left (at most a few rounds, so a
/// rule that keeps re-flagging its own output cannot loop forever). Each round applies its fixes
/// with applyFixesThatParse, so a fix that breaks the parse never blocks the others. `options`
/// reach every analysis round (fixes respect the target version too).
FixOutcome fixUntilStable(std::string text, const RuleSelection& selection, bool includeUnsafe,
                          TSParser& parser, const AnalysisOptions& options = {});

}  // namespace perfhint
