// Hover text for findings.
#include "server/lsp/hover_text.h"

#include "analysis/rules/registry.h"

#include <doctest/doctest.h>

using namespace perfhint;

TEST_CASE("hover explains the finding, its loop depth and its fix") {
  const RuleInfo& rule = findRule("PH701")->info();
  Finding nested{&rule,
                 {0, 1},
                 "Membership test",
                 Severity::Warning,
                 2,
                 Fix{"Use a set literal", FixSafety::Unsafe, {}}};
  std::string text = lsp::findingHover(nested);
  CHECK(text.starts_with(
      "**PH701 list-membership-literal**: Membership test\n\n"
      "This runs inside 2 nested loops: its cost is multiplied by the iterations of each.\n\n"
      "**Why it is slow.** `x in [a, b, c]`"));
  CHECK(text.find("```python\n# before\ndays = [") != std::string::npos);
  CHECK(text.find("```python\n# after\ndays = [") != std::string::npos);
  CHECK(text.find("**Fix:** unsafe, available as a quick fix; check it. Unsafe: a set needs") !=
        std::string::npos);

  Finding once{&rule, {0, 1}, "Membership test", Severity::Info, 1, std::nullopt};
  std::string plain = lsp::findingHover(once);
  CHECK(plain.find("This runs on every iteration of the loop around it.") != std::string::npos);
  CHECK(plain.ends_with("**Fix:** none offered here; rewrite by hand."));
}
