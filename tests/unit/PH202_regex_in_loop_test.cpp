// PH202 regex-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH202 flags re functions with literal patterns in loops, through aliases") {
  AnnotatedSource source = annotate(
      "import re\n"
      "import re as regex\n"
      "from re import sub as replace\n"
      "for x in xs:\n"
      "    «re.search('a', x)»\n"
      "    «regex.split(r'\\s', x)»\n"
      "    «replace('a' 'b', '', x)»\n"
      "ys = [«re.fullmatch(b'x', y)» for y in xs]\n"
      "while «re.match('go', state())»:\n"
      "    pass\n");
  CHECK(rangesOf("PH202", source.text) == source.ranges);
}

TEST_CASE("PH202 leaves other calls alone") {
  CHECK(rangesOf("PH202",
                 "import re\n"
                 "def f(x, p):\n"
                 "    return re.search('a', x)\n"
                 "for x in xs:\n"
                 "    re.search(p, x)\n"
                 "    re.search(f'{p}', x)\n"
                 "    re.compile('a')\n"
                 "    re.escape('a')\n"
                 "    other.search('a', x)\n"
                 "    re.search(pattern='a', string=x)\n"
                 "ys = [y for y in re.findall('a', s)]\n")
            .empty());
  // `regex` is a different module.
  CHECK(rangesOf("PH202", "import regex\nfor x in xs:\n    regex.search('a', x)\n").empty());
}

TEST_CASE("PH202 fix adds one compiled constant after the imports") {
  std::string before =
      "import os\n"
      "import re\n"
      "\n"
      "def f(xs):\n"
      "    for x in xs:\n"
      "        print(re.search(r'\\d+', x), re.findall(r'\\d+', x))\n";
  auto findings = findingsOf("PH202", before);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "`re.search` with a constant pattern in a loop looks the pattern up on every call; "
        "compile it once at module level");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH202", before) ==
        "import os\n"
        "import re\n"
        "_DIGITS_RE = re.compile(r'\\d+')\n"
        "\n"
        "def f(xs):\n"
        "    for x in xs:\n"
        "        print(_DIGITS_RE.search(x), _DIGITS_RE.findall(x))\n");
  CHECK(fixedBy("PH202", before, false) == before);
}

TEST_CASE("PH202 fix reuses an existing constant safely") {
  std::string before =
      "import re\n"
      "WORD = re.compile('[a-z]+', re.I)\n"
      "for x in xs:\n"
      "    re.match('[a-z]+', x, re.I)\n";
  auto findings = findingsOf("PH202", before);
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Safe);
  CHECK(fixedBy("PH202", before, false) ==
        "import re\n"
        "WORD = re.compile('[a-z]+', re.I)\n"
        "for x in xs:\n"
        "    WORD.match(x)\n");
  // Other flags: a new constant, not the existing one.
  CHECK(fixedBy("PH202",
                "import re\nWORD = re.compile('[a-z]+')\nfor x in xs:\n    re.match('[a-z]+', x, "
                "re.I)\n") ==
        "import re\nWORD = re.compile('[a-z]+')\n_PATTERN_RE = re.compile('[a-z]+', re.I)\n"
        "for x in xs:\n    _PATTERN_RE.match(x)\n");
}

TEST_CASE("PH202 fix moves flags into compile and keeps count and maxsplit") {
  CHECK(fixedBy("PH202",
                "import re as rx\n"
                "for x in xs:\n"
                "    rx.sub('a', 'b', x, 2, rx.I | rx.M)\n"
                "    rx.split(',', x, maxsplit=1, flags=rx.A)\n"
                "    rx.subn('c', 'd', x, count=1)\n") ==
        "import re as rx\n"
        "_PATTERN_RE = rx.compile('a', rx.I | rx.M)\n"
        "_PATTERN_RE_2 = rx.compile(',', rx.A)\n"
        "_PATTERN_RE_3 = rx.compile('c')\n"
        "for x in xs:\n"
        "    _PATTERN_RE.sub('b', x, 2)\n"
        "    _PATTERN_RE_2.split(x, maxsplit=1)\n"
        "    _PATTERN_RE_3.subn('d', x, count=1)\n");
}

TEST_CASE("PH202 offers no fix where it cannot be exact") {
  auto fixOf = [](const std::string& text) {
    auto findings = findingsOf("PH202", text);
    REQUIRE(findings.size() == 1);
    return findings[0].fix.has_value();
  };
  // `re` imported only inside the function, or only through `from re import`.
  CHECK_FALSE(fixOf("def f(xs):\n    import re\n    for x in xs:\n        re.search('a', x)\n"));
  CHECK_FALSE(fixOf("from re import search\nfor x in xs:\n    search('a', x)\n"));
  // Flags that are not re constants, unpacked arguments, comments inside the call.
  CHECK_FALSE(
      fixOf("import re\ndef f(xs, fl):\n    for x in xs:\n        re.search('a', x, fl)\n"));
  CHECK_FALSE(fixOf("import re\nfor x in xs:\n    re.search('a', *x)\n"));
  CHECK_FALSE(fixOf("import re\nfor x in xs:\n    re.search('a',  # letter a\n              x)\n"));
  // Code runs before the import block ends.
  CHECK_FALSE(fixOf("print('start')\nimport re\nfor x in xs:\n    re.search('a', x)\n"));
  CHECK_FALSE(fixOf("import re; setup()\nfor x in xs:\n    re.search('a', x)\n"));
  // DEBUG prints when compiling.
  CHECK_FALSE(fixOf("import re\nfor x in xs:\n    re.search('a', x, re.DEBUG)\n"));
}

TEST_CASE("PH202 fix picks a name that is not used yet") {
  CHECK(fixedBy("PH202",
                "import re\n"
                "_DIGITS_RE = 1\n"
                "for x in xs:\n"
                "    re.match(r'\\d', x)") ==
        "import re\n"
        "_DIGITS_RE_2 = re.compile(r'\\d')\n"
        "_DIGITS_RE = 1\n"
        "for x in xs:\n"
        "    _DIGITS_RE_2.match(x)");
}

TEST_CASE("PH202 fix keeps the file's line ends") {
  CHECK(fixedBy("PH202", "import re\r\nfor x in xs:\r\n    re.match('ab', x)\r\n") ==
        "import re\r\n_AB_RE = re.compile('ab')\r\nfor x in xs:\r\n    _AB_RE.match(x)\r\n");
}
