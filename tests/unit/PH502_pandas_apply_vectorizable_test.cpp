// PH502 pandas-apply-vectorizable on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH502 flags lambdas that are one expression, on known Series and frames only") {
  AnnotatedSource source = annotate(
      "import pandas as pd\n"
      "df = pd.read_csv('x.csv')\n"
      "s = df['a']\n"
      "a = «s.apply(lambda x: x ** 2 - 1)»\n"
      "b = «s.map(lambda x: x != 'n/a')»\n"
      "c = «df.apply(lambda r: r.a / r['b'], axis=1)»\n"
      "d = df.apply(lambda r: r.a / r['b'])\n"
      "e = s.apply(lambda x: x.upper(1, 2, 3))\n"
      "f = s.apply(lambda x: x.upper())\n"
      "g = s.apply(lambda x: x.upper() + 'a')\n"
      "h = s.apply(lambda x: x > 'a')\n"
      "def k(t):\n"
      "    return t.apply(lambda x: x + 1)\n");
  CHECK(rangesOf("PH502", source.text) == source.ranges);
}

TEST_CASE("PH502 keeps the spelling of the expression and adds parentheses where needed") {
  std::string text =
      "import pandas as pd\n"
      "s = pd.Series([1, 2])\n"
      "print(s.apply(lambda x: x**2))\n"
      "t = s.apply(lambda x: (x+1) * 3) / 2\n"
      "u = -s.apply(lambda x: -x)\n";
  CHECK(fixedBy("PH502", text) ==
        "import pandas as pd\n"
        "s = pd.Series([1, 2])\n"
        "print(s**2)\n"
        "t = ((s+1) * 3) / 2\n"
        "u = -(-s)\n");
  CHECK(fixedBy("PH502", text, false) == text);
}

TEST_CASE("PH502 message, unsafe fix, no fix when the receiver would run twice") {
  std::string text =
      "import pandas as pd\n"
      "s = pd.Series([1, 2]).dropna().apply(lambda x: x * x)\n";
  auto findings = findingsOf("PH502", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`apply` calls the lambda once per item; the same expression on the Series runs in one "
        "pass: `pd.Series([1, 2]).dropna() * pd.Series([1, 2]).dropna()`");
  CHECK_FALSE(findings[0].fix);
  auto once = findingsOf("PH502",
                         "import pandas as pd\n"
                         "s = pd.Series([1, 2]).dropna().apply(lambda x: x * 2)\n");
  REQUIRE(once.size() == 1);
  REQUIRE(once[0].fix);
  CHECK(once[0].fix->safety == FixSafety::Unsafe);
  CHECK(once[0].fix->title == "Replace with `pd.Series([1, 2]).dropna() * 2`");
}
