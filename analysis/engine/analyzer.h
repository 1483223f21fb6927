// Runs the selected rules over a document: builds the semantic model once, hands each rule the
// sites of the node kinds it asked for, applies loop-depth severity and `# noqa`, and returns
// findings in text order.
#pragma once

#include "analysis/engine/analysis_options.h"  // target version, severities
#include "analysis/engine/finding.h"           // results
#include "analysis/rules/rule_selection.h"     // which rules
#include "analysis/syntax/document.h"          // input

#include <span>
#include <vector>

namespace perfhint {

/// The severity of a finding of default severity `base` nested in `loopDepth` loops: each loop
/// beyond the first raises it one step (hint, info, warning), never past warning.
Severity severityForDepth(Severity base, uint16_t loopDepth);

/// Findings of the selected rules, sorted by start offset, then code. Thread-safe for distinct
/// documents.
std::vector<Finding> analyze(const Document& document, const RuleSelection& selection,
                             const AnalysisOptions& options = {});

/// The same over an explicit list of rules (all of them run), for tests of the engine itself.
std::vector<Finding> analyze(const Document& document, std::span<const Rule* const> rules,
                             const AnalysisOptions& options);

}  // namespace perfhint
