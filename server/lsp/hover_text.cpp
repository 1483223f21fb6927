#include "server/lsp/hover_text.h"

#include "analysis/explain/recorded_measurements.h"  // the speed-up measured for the docs
#include "analysis/explain/rule_doc.h"               // trimmedDocText
#include "analysis/rules/rule.h"                     // RuleInfo
#include "measure/user_measurements.h"               // the user's own figures

namespace perfhint::lsp {
namespace {

std::string figureText(double before, double after, long n, std::string_view python) {
  return speedupText(before, after) + " (n = " + std::to_string(n) + ", " + std::string(python) +
         ")";
}

// What measurement says of the example: ours, then the user's own from `perfhint measure`.
std::string measuredText(const RuleInfo& rule) {
  std::string out;
  if (auto figure = recordedMeasurement(rule.code))
    out += "**Measured.** " +
           figureText(figure->beforeSeconds, figure->afterSeconds, figure->n, figure->python) + ".";
  for (const measure::UserFigure& figure :
       measure::userFiguresFor(measure::userMeasurementsPath(), rule.code)) {
    out += out.empty() ? "**Measured.** " : " ";
    out +=
        "Yours: " + figureText(figure.beforeSeconds, figure.afterSeconds, figure.n, figure.python) +
        ".";
  }
  if (!out.empty()) out += "\n\n";
  return out;
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
  out += trimmedDocText(rule.whySlow);
  out += "\n\n**Use instead.** ";
  out += trimmedDocText(rule.useInstead);
  out += "\n\n```python\n# before\n";
  out += trimmedDocText(rule.example.before);
  out += "\n```\n\n```python\n# after\n";
  out += trimmedDocText(rule.example.after);
  out += "\n```\n\n";
  out += measuredText(rule);
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
