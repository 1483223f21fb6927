#include "server/lsp/hover_text.h"

#include "analysis/rules/rule.h"  // RuleInfo

namespace perfhint::lsp {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == '\n' || text.front() == ' ')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  return text;
}

}  // namespace

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
  out += trimmed(rule.whySlow);
  out += "\n\n**Use instead.** ";
  out += trimmed(rule.useInstead);
  out += "\n\n```python\n# before\n";
  out += trimmed(rule.example.before);
  out += "\n```\n\n```python\n# after\n";
  out += trimmed(rule.example.after);
  out += "\n```\n\n";
  if (!finding.fix) {
    out += "**Fix:** none offered here; rewrite by hand.";
  } else if (finding.fix->safety == FixSafety::Safe) {
    out += "**Fix:** safe, available as a quick fix.";
  } else {
    out += "**Fix:** unsafe, available as a quick fix; check it. ";
    out += trimmed(rule.fixSafety);
  }
  return out;
}

}  // namespace perfhint::lsp
