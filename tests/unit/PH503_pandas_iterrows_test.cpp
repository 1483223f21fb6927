// PH503 pandas-iterrows on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH503 flags iterrows only on values known to be DataFrames") {
  AnnotatedSource source = annotate(
      "import pandas as pd\n"
      "df = pd.DataFrame({'a': [1]})\n"
      "for _, r in «df.iterrows()»:\n"
      "    print(r.a)\n"
      "def f(x, y: pd.DataFrame):\n"
      "    for _, r in x.iterrows():\n"
      "        print(r)\n"
      "    for _, r in «y.iterrows()»:\n"
      "        print(r)\n"
      "    for _, r in «y[['a', 'b']].iterrows()»:\n"
      "        print(r)\n"
      "    for _, r in y.iterrows(1):\n"
      "        print(r)\n");
  CHECK(rangesOf("PH503", source.text) == source.ranges);
}

TEST_CASE("PH503 follows import aliases and needs pandas itself") {
  CHECK(rangesOf("PH503",
                 "from pandas import DataFrame as F\n"
                 "df = F()\n"
                 "for _, r in df.iterrows():\n"
                 "    pass\n")
            .size() == 1);
  CHECK(rangesOf("PH503",
                 "import polars as pd\n"
                 "df = pd.read_csv('x')\n"
                 "for _, r in df.iterrows():\n"
                 "    pass\n")
            .empty());
}

TEST_CASE("PH503 message and unsafe itertuples fix") {
  std::string text =
      "import pandas as pd\n"
      "def f(p):\n"
      "    df = pd.read_csv(p)\n"
      "    for _, row in df.iterrows():\n"
      "        print(row['a'], row.b)\n";
  auto findings = findingsOf("PH503", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`iterrows()` builds a Series for every row; use column operations, or `itertuples()` "
        "where a loop is needed");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH503", text) ==
        "import pandas as pd\n"
        "def f(p):\n"
        "    df = pd.read_csv(p)\n"
        "    for row in df.itertuples(index=False):\n"
        "        print(row.a, row.b)\n");
  CHECK(fixedBy("PH503", text, false) == text);
}

TEST_CASE("PH503 offers no fix when the row is more than its columns") {
  auto fixOf = [](const std::string& body) {
    auto findings = findingsOf("PH503",
                               "import pandas as pd\n"
                               "df = pd.DataFrame()\n"
                               "for i, row in df.iterrows():\n" +
                                   body);
    REQUIRE(findings.size() == 1);
    return findings[0].fix.has_value();
  };
  CHECK(fixOf("    print(row.a)\n"));
  CHECK_FALSE(fixOf("    print(i, row.a)\n"));        // index used
  CHECK_FALSE(fixOf("    print(row.name)\n"));        // the row's label
  CHECK_FALSE(fixOf("    print(row.get('a'))\n"));    // a Series method
  CHECK_FALSE(fixOf("    print(row['a b'])\n"));      // not an identifier
  CHECK_FALSE(fixOf("    print(row[col])\n"));        // key unknown
  CHECK_FALSE(fixOf("    row['a'] = 1\n"));           // a store
  CHECK_FALSE(fixOf("    use(row)\n"));               // the Series itself
  CHECK_FALSE(fixOf("    pass\nelse:\n    pass\n"));  // an else clause
  CHECK_FALSE(fixOf("    pass\nprint(row)\n"));       // used after the loop
}
