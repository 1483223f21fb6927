// PH505 pandas-inefficient-dtype on snippets, and how a rule that is off by default is enabled.
#include "rule_test_support.h"

#include "config/resolved_config.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH505 flags reads whose columns are used as labels twice") {
  AnnotatedSource source = annotate(
      "import pandas as pd\n"
      "df = «pd.read_csv('a.csv')»\n"
      "n = df['kind'].value_counts()\n"
      "m = df.groupby('kind').size()\n"
      "def f(p):\n"
      "    d = pd.read_csv(p, usecols=['kind'])\n"
      "    return d['kind'] == 'x', d['other'] == 'y'\n"
      "def g(p):\n"
      "    d = «pd.read_table(p)»\n"
      "    return d[d['kind'] != 'x'], 'y' == d['kind']\n");
  CHECK(rangesOf("PH505", source.text) == source.ranges);
}

TEST_CASE("PH505 message names the columns and the dtype argument") {
  auto findings = findingsOf("PH505",
                             "import pandas as pd\n"
                             "df = pd.read_csv('a.csv')\n"
                             "a = df['s'] == 'x'\n"
                             "b = df['s'].value_counts()\n"
                             "c = df['t'] == 'y'\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "Text columns used as labels (`s`) are read as strings; `dtype={\"s\": \"category\"}` "
        "stores each label once");
  CHECK_FALSE(findings[0].fix);
}

TEST_CASE("PH505 is off by default and runs when selected by code, prefix or ALL") {
  CHECK_FALSE(RuleSelection().isEnabled("PH505"));
  CHECK(RuleSelection().isEnabled("PH504"));
  std::string error;
  CHECK_FALSE(RuleSelection::fromPatterns({}, {}, error)->isEnabled("PH505"));
  CHECK(RuleSelection::fromPatterns({"PH505"}, {}, error)->isEnabled("PH505"));
  CHECK(RuleSelection::fromPatterns({"PH5"}, {}, error)->isEnabled("PH505"));
  CHECK(RuleSelection::fromPatterns({"ALL"}, {}, error)->isEnabled("PH505"));

  auto enables = [](const config::ConfigLayer& layer) {
    config::ResolvedConfig resolved = config::resolve(std::span(&layer, 1));
    return std::find(resolved.enabled.begin(), resolved.enabled.end(), "PH505") !=
           resolved.enabled.end();
  };
  CHECK_FALSE(enables(config::ConfigLayer{}));
  config::ConfigLayer extended;
  extended.extendSelect = {"PH505"};
  CHECK(enables(extended));
}
