// PH504 grow-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH504 flags frames and arrays that grow by copying inside loops only") {
  AnnotatedSource source = annotate(
      "import numpy as np\n"
      "import pandas as pd\n"
      "df = pd.DataFrame()\n"
      "df = pd.concat([df, df])\n"
      "for x in xs:\n"
      "    df = «pd.concat([df, x])»\n"
      "    other = pd.concat([df, x])\n"
      "    df = pd.concat([x, df.a])\n"
      "def f(xs):\n"
      "    a = np.zeros(0)\n"
      "    while xs:\n"
      "        a = «np.append(a, xs.pop())»\n"
      "        b = np.append(xs, a)\n"
      "        a = «np.hstack([a, [1]])»\n");
  CHECK(rangesOf("PH504", source.text) == source.ranges);
}

TEST_CASE("PH504 needs the DataFrame for append and loc") {
  AnnotatedSource source = annotate(
      "import pandas as pd\n"
      "def f(rows, g):\n"
      "    df = pd.DataFrame(columns=['a'])\n"
      "    for r in rows:\n"
      "        «df.loc[len(df)]» = [r]\n"
      "        g.loc[len(g)] = [r]\n"
      "        df.loc[len(g)] = [r]\n"
      "    s = pd.Series([1])\n"
      "    for r in rows:\n"
      "        s = «s.append(pd.Series([r]))»\n"
      "    out = []\n"
      "    for r in rows:\n"
      "        out = out.append(r)\n");
  CHECK(rangesOf("PH504", source.text) == source.ranges);
}

TEST_CASE("PH504 messages, no fix, loops over literals left alone") {
  auto findings = findingsOf("PH504",
                             "import pandas as pd\n"
                             "df = pd.DataFrame()\n"
                             "for p in paths:\n"
                             "    df = pd.concat([df, pd.read_csv(p)])\n"
                             "for p in ['a', 'b']:\n"
                             "    df = pd.concat([df, pd.read_csv(p)])\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`pd.concat` in a loop copies the whole frame on every pass; collect the pieces in a "
        "list and concatenate once after the loop");
  CHECK_FALSE(findings[0].fix);
  CHECK(findings[0].severity == Severity::Warning);
}
