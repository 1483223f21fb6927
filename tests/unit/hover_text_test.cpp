// Hover text for findings.
#include "server/lsp/hover_text.h"

#include "analysis/explain/recorded_measurements.h"
#include "analysis/rules/registry.h"
#include "measure/user_measurements.h"

#include <doctest/doctest.h>

#include <cstdlib>  // setenv
#include <filesystem>

#include <unistd.h>  // getpid

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
  CHECK(text.find("```python\n# before\ndef weekend(days):") != std::string::npos);
  CHECK(text.find("```python\n# after\ndef weekend(days):") != std::string::npos);
  CHECK(text.find("**Fix:** unsafe, available as a quick fix; check it. Unsafe: a set needs") !=
        std::string::npos);

  Finding once{&rule, {0, 1}, "Membership test", Severity::Info, 1, std::nullopt};
  std::string plain = lsp::findingHover(once);
  CHECK(plain.find("This runs on every iteration of the loop around it.") != std::string::npos);
  CHECK(plain.ends_with("**Fix:** none offered here; rewrite by hand."));
}

TEST_CASE("hover quotes the recorded speed-up and the user's own") {
  const RuleInfo& rule = findRule("PH107")->info();
  Finding finding{&rule, {0, 1}, "pop(0)", Severity::Warning, 1, std::nullopt};
  auto cache = std::filesystem::temp_directory_path() /
               ("perfhint_hover_cache_" + std::to_string(getpid()));
  std::filesystem::remove_all(cache);
  REQUIRE(setenv("XDG_CACHE_HOME", cache.c_str(), 1) == 0);

  std::string ours;
  if (auto figure = recordedMeasurement("PH107"))
    ours = "**Measured.** " + speedupText(figure->beforeSeconds, figure->afterSeconds) +
           " (n = " + std::to_string(figure->n) + ", " + std::string(figure->python) + ").";
  std::string before = lsp::findingHover(finding);
  CHECK(before.find("Yours:") == std::string::npos);
  if (!ours.empty()) CHECK(before.find(ours + "\n\n") != std::string::npos);

  std::string error;
  REQUIRE(measure::saveUserFigures(measure::userMeasurementsPath(),
                                   {{"CPython 3.12.1", "PH107", 1000, 4.52e-4, 1.13e-4}}, error));
  std::string after = lsp::findingHover(finding);
  std::string yours = "Yours: 4.00× faster (n = 1000, CPython 3.12.1).\n\n";
  CHECK(after.find((ours.empty() ? "**Measured.** " : ours + " ") + yours) != std::string::npos);

  unsetenv("XDG_CACHE_HOME");
  std::filesystem::remove_all(cache);
}
