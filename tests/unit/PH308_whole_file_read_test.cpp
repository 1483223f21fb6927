// PH308 whole-file-read on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH308 flags CSV reads whose frame is only read by column name") {
  AnnotatedSource source = annotate(
      "import pandas as pd\n"
      "def f(p):\n"
      "    df = «pd.read_csv(p)»\n"
      "    def g():\n"
      "        return df['a']\n"
      "    return g\n"
      "def h(p):\n"
      "    df = pd.read_csv(p)\n"
      "    def g():\n"
      "        return df\n"
      "    return df['a'], g\n"
      "def k(p):\n"
      "    df = pd.read_csv(p, index_col=0)\n"
      "    return df['a']\n"
      "def m(p):\n"
      "    df = pd.read_csv(p)\n"
      "    del df['a']\n"
      "def n(p):\n"
      "    df = pd.read_csv(p)\n");
  CHECK(rangesOf("PH308", source.text) == source.ranges);
}

TEST_CASE("PH308 names the columns in order of first use, without a fix") {
  auto findings = findingsOf("PH308",
                             "from pandas import read_csv as load\n"
                             "df = load('x.csv')\n"
                             "print(df['b'], df[['a', 'b']])\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "Only columns `b`, `a` of this file are used; `usecols=[\"b\", \"a\"]` skips parsing the "
        "others");
  CHECK_FALSE(findings[0].fix);
  CHECK(findingsOf("PH308",
                   "import pandas as pd\n"
                   "df = pd.read_csv('x.csv')\n"
                   "print(df['b'])\n")[0]
            .message ==
        "Only column `b` of this file is used; `usecols=[\"b\"]` skips parsing the "
        "others");
}
