#include "analysis/fix/apply_fixes.h"

#include "analysis/engine/analyzer.h"  // re-analysis between rounds

#include <algorithm>  // sort

namespace perfhint {
namespace {

constexpr int kMaxRounds = 10;

bool conflicts(const FixEdit& a, const FixEdit& b) {
  return a.range.overlaps(b.range) || a.range.start == b.range.start;
}

bool conflictsWithAny(const Fix& fix, const std::vector<const FixEdit*>& taken) {
  for (const FixEdit& edit : fix.edits) {
    for (const FixEdit* other : taken) {
      if (conflicts(edit, *other)) return true;
    }
  }
  return false;
}

syntax::TreePtr parseText(const std::string& text, TSParser& parser) {
  return syntax::TreePtr(
      ts_parser_parse_string(&parser, nullptr, text.data(), static_cast<uint32_t>(text.size())));
}

bool hasNoErrors(const syntax::TreePtr& tree) {
  return tree && !ts_node_has_error(ts_tree_root_node(tree.get()));
}

bool parsesWithoutErrors(const std::string& text, TSParser& parser) {
  return hasNoErrors(parseText(text, parser));
}

}  // namespace

bool isApplicable(const Finding& finding, bool includeUnsafe) {
  return finding.fix && !finding.fix->edits.empty() &&
         (includeUnsafe || finding.fix->safety == FixSafety::Safe);
}

size_t applyFixes(std::string& text, std::span<const Finding> findings, bool includeUnsafe) {
  std::vector<const FixEdit*> taken;
  size_t applied = 0;
  for (const Finding& finding : findings) {
    if (!isApplicable(finding, includeUnsafe) || conflictsWithAny(*finding.fix, taken)) continue;
    for (const FixEdit& edit : finding.fix->edits) taken.push_back(&edit);
    ++applied;
  }
  // Apply from the end so earlier offsets stay valid.
  std::sort(taken.begin(), taken.end(),
            [](const FixEdit* a, const FixEdit* b) { return a->range.start > b->range.start; });
  for (const FixEdit* edit : taken) {
    text.replace(edit->range.start, edit->range.length(), edit->replacement);
  }
  return applied;
}

FixRound applyFixesThatParse(std::string& text, std::span<const Finding> findings,
                             bool includeUnsafe, TSParser& parser) {
  std::string fixed = text;
  size_t applied = applyFixes(fixed, findings, includeUnsafe);
  if (applied == 0) return {};
  // The verifying parse of the result is handed back so the next round need not parse again.
  syntax::TreePtr fixedTree = parseText(fixed, parser);
  if (hasNoErrors(fixedTree) || !parsesWithoutErrors(text, parser)) {
    text = std::move(fixed);
    return {applied, 0, std::move(fixedTree)};
  }
  // Some fix breaks the parse: try each alone on the original text and keep those that parse.
  FixRound round;
  std::vector<Finding> parsing;
  for (const Finding& finding : findings) {
    if (!isApplicable(finding, includeUnsafe)) continue;
    std::string candidate = text;
    applyFixes(candidate, std::span(&finding, 1), includeUnsafe);
    if (parsesWithoutErrors(candidate, parser)) {
      parsing.push_back(finding);
    } else {
      ++round.rejected;
    }
  }
  fixed = text;
  round.applied = applyFixes(fixed, parsing, includeUnsafe);
  if (round.applied > 1 && !parsesWithoutErrors(fixed, parser)) {
    // Fine alone but not together: keep the first; the next round re-analyses the rest.
    fixed = text;
    round.applied = applyFixes(fixed, std::span(parsing.data(), 1), includeUnsafe);
  }
  text = std::move(fixed);
  return round;
}

FixOutcome fixUntilStable(std::string text, const RuleSelection& selection, bool includeUnsafe,
                          TSParser& parser, const AnalysisOptions& options) {
  FixOutcome outcome;
  syntax::TreePtr parsed;  // of `text`, when the previous round already parsed it
  for (int round = 0;; ++round) {
    Document document = parsed ? Document(text, std::move(parsed)) : Document(text, parser);
    std::vector<Finding> findings = analyze(document, selection, options);
    bool anyApplicable = std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
      return isApplicable(f, includeUnsafe);
    });
    if (!anyApplicable || round == kMaxRounds) {
      outcome.remaining = std::move(findings);
      break;
    }
    FixRound result = applyFixesThatParse(text, findings, includeUnsafe, parser);
    outcome.applied += result.applied;
    // A refused fix stays in the text and is refused again each round: count the last round's.
    outcome.rejected = result.rejected;
    parsed = std::move(result.tree);
    if (result.applied == 0) {
      outcome.remaining = std::move(findings);
      break;
    }
  }
  outcome.text = std::move(text);
  return outcome;
}

}  // namespace perfhint
