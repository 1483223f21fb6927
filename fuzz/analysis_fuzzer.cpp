// Fuzz target: arbitrary bytes analysed as a Python file with every rule. Findings and fix edits
// must lie inside the text; on a file that parses, each fix applied alone (safe or unsafe) must
// leave a file that still parses, and so must fixing until stable (what `check --fix` does).
#include "analysis/engine/analyzer.h"  // analyze
#include "analysis/fix/apply_fixes.h"  // applyFixes, fixUntilStable
#include "analysis/rules/rule.h"       // RuleInfo::code for messages
#include "analysis/syntax/document.h"  // parse
#include "fuzz/fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

using namespace perfhint;

namespace {

bool parsesCleanly(const std::string& text, TSParser& parser) {
  return !Document(text, parser).hasSyntaxErrors();
}

std::string describe(const Finding& finding, const std::string& before, const std::string& after) {
  return std::string(finding.rule->code) + " at byte " + std::to_string(finding.range.start) +
         "\n--- before ---\n" + before + "\n--- after ---\n" + after;
}

void checkBounds(const Finding& finding, size_t textSize) {
  fuzz::check(finding.rule != nullptr, "a finding names its rule");
  fuzz::check(finding.range.start <= finding.range.end && finding.range.end <= textSize,
              "a finding's range lies inside the text", finding.rule->code);
  if (!finding.fix) return;
  for (const FixEdit& edit : finding.fix->edits) {
    fuzz::check(edit.range.start <= edit.range.end && edit.range.end <= textSize,
                "a fix edit's range lies inside the text", finding.rule->code);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const syntax::ParserPtr parser = syntax::makePythonParser();
  static const RuleSelection everyRule;
  const std::string text(reinterpret_cast<const char*>(data), size);

  const Document document(text, *parser);
  const std::vector<Finding> findings = analyze(document, everyRule);
  for (const Finding& finding : findings) checkBounds(finding, text.size());

  // Fixes are only promised to keep a parse that was there to begin with. Parsing once with
  // every fix applied is cheap; only when that fails is each fix tried alone to find the culprit
  // (two fixes that each parse may still clash, which applyFixesThatParse sorts out).
  if (document.hasSyntaxErrors()) return 0;
  std::string allFixed = text;
  if (applyFixes(allFixed, findings, /*includeUnsafe=*/true) > 0 &&
      !parsesCleanly(allFixed, *parser)) {
    for (const Finding& finding : findings) {
      if (!finding.fix) continue;
      std::string fixed = text;
      if (applyFixes(fixed, std::span(&finding, 1), /*includeUnsafe=*/true) == 0) continue;
      fuzz::check(parsesCleanly(fixed, *parser), "a fix applied alone keeps the file parsing",
                  describe(finding, text, fixed));
    }
  }
  FixOutcome outcome = fixUntilStable(text, everyRule, /*includeUnsafe=*/true, *parser);
  fuzz::check(parsesCleanly(outcome.text, *parser), "fixing until stable keeps the file parsing",
              outcome.text);
  return 0;
}
