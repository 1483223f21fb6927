#include "server/lsp/hover_text.h"

#include "analysis/explain/rule_doc.h"  // trimmedDocText
#include "analysis/rules/rule.h"        // RuleInfo

namespace perfhint::lsp {
std::string findingHover(const Finding& finding) {
  const RuleInfo& rule = *finding.rule;
  std::string out;
  out += "**";
  out += rule.code;
  out += " ";
  out += rule.name;
  out += "**: ";
  out += finding.message;
  out += "\n\n";
  if (finding.loopDepth == 1) {
    out += "This runs on every iteration of the loop around it.\n\n";
  } else if (finding.loopDepth > 1) {
    out += "This runs inside " + std::to_string(finding.loopDepth) +
           " nested loops: its cost is multiplied by the iterations of each.\n\n";
  }
  out += "**Why it is slow.** ";
  out += trimmedDocText(rule.whySlow);
  out += "\n\n**Use instead.** ";
  out += trimmedDocText(rule.useInstead);
  out += "\n\n```python\n# before\n";
  out += trimmedDocText(rule.example.before);
  out += "\n```\n\n```python\n# after\n";
  out += trimmedDocText(rule.example.after);
  out += "\n```\n\n";
  if (!finding.fix) {
    out += "**Fix:** none offered here; rewrite by hand.";
  } else if (finding.fix->safety == FixSafety::Safe) {
    out += "**Fix:** safe, available as a quick fix.";
  } else {
    out += "**Fix:** unsafe, available as a quick fix; check it. ";
    out += trimmedDocText(rule.fixSafety);
  }
  return out;
}

}  // namespace perfhint::lsp
