#include "analysis/engine/analyzer.h"

#include "analysis/engine/suppression.h"  // noqa
#include "analysis/rules/registry.h"      // the rules

#include <algorithm>  // sort
#include <array>

namespace perfhint {
namespace {

class CollectingSink final : public FindingSink {
 public:
  CollectingSink(std::vector<Finding>& findings, const AnalysisOptions& options)
      : findings_(findings), options_(options) {}

  void report(const RuleInfo& rule, const Site& site, ByteRange range, std::string message,
              std::optional<Fix> fix) override {
    if (site.loopDepth >= 2) {
      message += " (inside " + std::to_string(site.loopDepth) + " nested loops)";
    }
    Severity base = rule.severity;
    if (auto override = options_.severity.find(rule.code); override != options_.severity.end()) {
      base = override->second;
    }
    findings_.push_back({&rule, range, std::move(message), severityForDepth(base, site.loopDepth),
                         site.loopDepth, std::move(fix)});
  }

 private:
  std::vector<Finding>& findings_;
  const AnalysisOptions& options_;
};

}  // namespace

Severity severityForDepth(Severity base, uint16_t loopDepth) {
  if (base == Severity::Error || loopDepth < 2) return base;
  int raised = static_cast<int>(base) - (loopDepth - 1);
  return static_cast<Severity>(std::max(raised, static_cast<int>(Severity::Warning)));
}

std::vector<Finding> analyze(const Document& document, const RuleSelection& selection,
                             const AnalysisOptions& options) {
  std::vector<const Rule*> enabled;
  for (const Rule* rule : allRules()) {
    if (selection.isEnabled(*rule)) enabled.push_back(rule);
  }
  return analyze(document, enabled, options);
}

std::vector<Finding> analyze(const Document& document, std::span<const Rule* const> rules,
                             const AnalysisOptions& options) {
  SemanticModel model(document, options.targetVersion);
  // Rules ask for the occurrences of a name under some node for many sites; the model's index
  // of the tree answers them all (see variablesNamed).
  syntax::IdentifierIndex::Use useIdentifiers(model.identifiers());
  // Likewise for the parents of nodes (see syntax::parentOf).
  syntax::ParentIndex::Use useParents(model.parents());

  std::array<std::vector<const Rule*>, kNodeKindCount> rulesByKind;
  for (const Rule* rule : rules) {
    for (NodeKind kind : rule->kinds()) rulesByKind[static_cast<size_t>(kind)].push_back(rule);
  }

  std::vector<Finding> findings;
  CollectingSink sink(findings, options);
  for (size_t kind = 0; kind < kNodeKindCount; ++kind) {
    if (rulesByKind[kind].empty()) continue;
    for (const Site& site : model.sites(static_cast<NodeKind>(kind))) {
      for (const Rule* rule : rulesByKind[kind]) rule->check(site, model, sink);
    }
  }

  if (!findings.empty() && !model.comments().empty()) {
    Suppressions suppressions(model);
    std::erase_if(findings, [&](const Finding& finding) {
      return suppressions.suppresses(document.lines().lineColumn(finding.range.start).line,
                                     finding.rule->code);
    });
  }
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.range.start != b.range.start) return a.range.start < b.range.start;
    return a.rule->code < b.rule->code;
  });
  return findings;
}

}  // namespace perfhint
