// The rule registry: every rule is complete, documented, has a fixture, and docs are current.
#include "analysis/rules/registry.h"
#include "analysis/explain/rule_doc.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace perfhint;

namespace {

bool isKebabCase(std::string_view name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("every rule is complete and unique") {
  std::set<std::string_view> codes, names;
  std::string_view previous;
  for (const Rule* rule : allRules()) {
    const RuleInfo& info = rule->info();
    CAPTURE(info.code);
    CHECK(info.code.size() == 5);
    CHECK(info.code.starts_with("PH"));
    CHECK(codes.insert(info.code).second);
    CHECK(names.insert(info.name).second);
    CHECK(isKebabCase(info.name));
    CHECK(previous < info.code);
    previous = info.code;
    CHECK(!trimmedDocText(info.summary).empty());
    CHECK(!trimmedDocText(info.whySlow).empty());
    CHECK(!trimmedDocText(info.useInstead).empty());
    CHECK(!trimmedDocText(info.example.before).empty());
    CHECK(!trimmedDocText(info.example.after).empty());
    CHECK(!trimmedDocText(info.fixSafety).empty());
    CHECK(!rule->kinds().empty());
    std::filesystem::path fixture = std::filesystem::path(PERFHINT_SOURCE_DIR) / "tests/fixtures" /
                                    (std::string(info.code) + ".py");
    CHECK_MESSAGE(std::filesystem::exists(fixture), "missing fixture ", fixture);
  }
}

TEST_CASE("docs/rules.md is generated from the registry") {
  std::ifstream in(std::filesystem::path(PERFHINT_SOURCE_DIR) / "docs/rules.md");
  std::ostringstream text;
  text << in.rdbuf();
  CHECK_MESSAGE(text.str() == allRulesMarkdown(), "docs/rules.md is stale: run `make docs`");
}

TEST_CASE("README.md's rules table is generated from the registry") {
  std::ifstream in(std::filesystem::path(PERFHINT_SOURCE_DIR) / "README.md");
  std::ostringstream text;
  text << in.rdbuf();
  std::string readme = text.str();
  static constexpr std::string_view kStart = "<!-- rules-table:start -->\n",
                                    kEnd = "<!-- rules-table:end -->";
  size_t start = readme.find(kStart), end = readme.find(kEnd);
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  start += kStart.size();
  CHECK_MESSAGE(readme.substr(start, end - start) == rulesTableMarkdown("docs/rules.md"),
                "the README's rules table is stale: run `make docs`");
}

TEST_CASE("rule documentation has every section") {
  const Rule* rule = findRule("PH701");
  REQUIRE(rule);
  std::string markdown = ruleMarkdown(rule->info());
  CHECK(markdown.starts_with("## PH701 list-membership-literal\n"));
  for (const char* section :
       {"### Why it is slow", "### Use instead", "### Example", "### Fix safety"}) {
    CHECK_MESSAGE(markdown.find(section) != std::string::npos, section);
  }
}
