// The analyzer: severity raised by loop depth, findings sorted, only selected rules run, and
// `# noqa` applied. Uses PH701 (list-membership-literal) as the rule under test.
#include "analysis/engine/analyzer.h"

#include "analysis/rules/registry.h"  // every rule, for the sorting check

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace perfhint;

namespace {

std::vector<Finding> findingsOf(const std::string& text, std::vector<std::string> select,
                                std::vector<std::string> ignore = {}) {
  std::string error;
  std::optional<RuleSelection> selection = RuleSelection::fromPatterns(select, ignore, error);
  REQUIRE(selection);
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document(text, *parser);
  return analyze(document, *selection);
}

}  // namespace

TEST_CASE("severityForDepth raises one step per loop beyond the first, up to warning") {
  CHECK(severityForDepth(Severity::Hint, 0) == Severity::Hint);
  CHECK(severityForDepth(Severity::Hint, 1) == Severity::Hint);
  CHECK(severityForDepth(Severity::Hint, 2) == Severity::Info);
  CHECK(severityForDepth(Severity::Hint, 3) == Severity::Warning);
  CHECK(severityForDepth(Severity::Hint, 9) == Severity::Warning);
  CHECK(severityForDepth(Severity::Info, 1) == Severity::Info);
  CHECK(severityForDepth(Severity::Info, 2) == Severity::Warning);
  CHECK(severityForDepth(Severity::Info, 5) == Severity::Warning);
  CHECK(severityForDepth(Severity::Warning, 4) == Severity::Warning);
  CHECK(severityForDepth(Severity::Error, 0) == Severity::Error);  // never lowered
  CHECK(severityForDepth(Severity::Error, 3) == Severity::Error);
}

TEST_CASE("analyze reports depth in message, severity and loopDepth") {
  std::vector<Finding> findings = findingsOf(
      "def f(x):\n"
      "    a = x in [1, 2]\n"  // outside a loop: not flagged
      "    for i in x:\n"
      "        b = i in [1, 2]\n"
      "        for j in i:\n"
      "            c = j in [1, 2]\n"
      "            for k in j:\n"
      "                d = k in [1, 2]\n",
      {"PH701"});
  REQUIRE(findings.size() == 3);
  const std::string base = "Membership test against a list of constants; use a set literal";
  CHECK(findings[0].message == base);
  CHECK(findings[0].loopDepth == 1);
  CHECK(findings[0].severity == Severity::Info);
  CHECK(findings[1].message == base + " (inside 2 nested loops)");
  CHECK(findings[1].severity == Severity::Warning);
  CHECK(findings[2].message == base + " (inside 3 nested loops)");
  CHECK(findings[2].loopDepth == 3);
  CHECK(findings[0].rule->code == "PH701");
}

TEST_CASE("analyze returns findings sorted by offset, then code") {
  // Every rule over code full of slow idioms: whatever the rules find comes out in order.
  std::string text =
      "import re, time\n"
      "def f(items, words):\n"
      "    out = ''\n"
      "    for w in words:\n"
      "        for i in items:\n"
      "            out += str(i)\n"
      "            if i in [1, 2, 3] and w in ('a', 'b'):\n"
      "                re.compile('x').match(w)\n"
      "                time.sleep(0)\n"
      "            result = [x for x in items if x in [4, 5]]\n"
      "    return out, len(list(items)), [k for k in dict(a=1).keys()]\n";
  std::vector<Finding> findings = findingsOf(text, {"ALL"});
  CHECK(findings.size() >= 3);  // PH701 alone flags three
  for (size_t i = 1; i < findings.size(); ++i) {
    const Finding& a = findings[i - 1];
    const Finding& b = findings[i];
    CAPTURE(i);
    CHECK((a.range.start < b.range.start ||
           (a.range.start == b.range.start && a.rule->code <= b.rule->code)));
  }
}

TEST_CASE("analyze runs only the selected rules") {
  std::string text = "def f(xs):\n    return [x in [1, 2] for x in xs]\n";
  CHECK(findingsOf(text, {"PH701"}).size() == 1);
  CHECK(findingsOf(text, {"PH701"}, {"PH701"}).empty());
  size_t fromPrefix = 0;
  for (const Finding& finding : findingsOf(text, {"PH7"})) {  // a prefix
    CHECK(finding.rule->code.starts_with("PH7"));
    fromPrefix += finding.rule->code == "PH701";
  }
  CHECK(fromPrefix == 1);
  CHECK(findingsOf(text, {"ALL"}, {"PH701"}).size() == findingsOf(text, {"ALL"}).size() - 1);
  for (const Finding& finding : findingsOf(text, {"ALL"}, {"PH7"})) {
    CHECK_FALSE(finding.rule->code.starts_with("PH7"));
  }
  std::string error;
  CHECK_FALSE(RuleSelection::fromPatterns({"PH999"}, {}, error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("analyze applies noqa on the line where a finding starts") {
  std::string text =
      "for x in xs:\n"
      "    a = x in [1, 2]  # noqa\n"
      "    b = x in [1, 2]  # noqa: PH701\n"
      "    c = x in [1, 2]  # noqa: PH201\n"
      "    d = x in [\n"
      "        1, 2]  # noqa: PH701\n"
      "    e = x in [  # noqa: PH701\n"
      "        1, 2]\n"
      "    s = '# noqa'; g = x in [1, 2]\n";
  std::vector<Finding> findings = findingsOf(text, {"PH701"});
  // Left: c (another code), d (its noqa is on its last line, not its first), g (noqa in a string).
  auto listAfter = [&](std::string_view prefix) {
    return static_cast<uint32_t>(text.find('[', text.find(prefix)));
  };
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].range.start == listAfter("c = "));
  CHECK(findings[1].range.start == listAfter("d = "));
  CHECK(findings[2].range.start == listAfter("g = "));
}

namespace {

// A rule whose advice needs Python 3.10 (as `@dataclass(slots=True)` does): it flags every call
// only when the configured target version allows the newer form.
class NeedsPython310Rule final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"PH999",
                                "test-needs-python-310",
                                "a call",
                                Severity::Info,
                                FixAvailability::None,
                                "",
                                "",
                                {},
                                ""};
    return kInfo;
  }
  std::span<const NodeKind> kinds() const override {
    static constexpr NodeKind kKinds[] = {NodeKind::Call};
    return kKinds;
  }
  void check(const Site& site, const SemanticModel& model, FindingSink& sink) const override {
    if (model.targetVersion() < PythonVersion{3, 10}) return;
    sink.report(info(), site, rangeOf(site.node), "a call");
  }
};

std::vector<Finding> findingsWithTarget(std::optional<PythonVersion> target) {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document("print(1)\n", *parser);
  NeedsPython310Rule rule;
  const Rule* rules[] = {&rule};
  AnalysisOptions options;
  if (target) options.targetVersion = *target;
  return analyze(document, rules, options);
}

}  // namespace

TEST_CASE("rules read the target version from the model; the default is the newest") {
  CHECK(findingsWithTarget(std::nullopt).size() == 1);
  CHECK(findingsWithTarget(PythonVersion{3, 10}).size() == 1);
  CHECK(findingsWithTarget(PythonVersion{3, 9}).empty());
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document("x = 1\n", *parser);
  CHECK(SemanticModel(document).targetVersion() == kNewestPythonVersion);
  CHECK(SemanticModel(document, {3, 8}).targetVersion() == PythonVersion{3, 8});
}

TEST_CASE("severity overrides replace a rule's default severity, loop depth still raises it") {
  std::string error;
  auto selection = RuleSelection::fromPatterns({"PH701"}, {}, error);
  REQUIRE(selection);
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document("for x in xs:\n    for y in ys:\n        a = x in [1, 2]\n", *parser);
  AnalysisOptions options;
  options.severity["PH701"] = Severity::Hint;
  std::vector<Finding> findings = analyze(document, *selection, options);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == severityForDepth(Severity::Hint, 2));
  options.severity["PH701"] = Severity::Error;
  CHECK(analyze(document, *selection, options)[0].severity == Severity::Error);
}
