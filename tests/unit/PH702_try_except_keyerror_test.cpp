// PH702 try-except-keyerror on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH702 flags both shapes in functions and loops, not once at module level") {
  AnnotatedSource source = annotate(
      "def f(d, k):\n"
      "    try:\n"
      "        v = «d[k]»\n"
      "    except KeyError:\n"
      "        v = None\n"
      "    if «k in d»:\n"
      "        v = d[k]\n"
      "    else:\n"
      "        v = 0\n"
      "    return v\n"
      "for k in keys:\n"
      "    try:\n"
      "        v = «d[k]»\n"
      "    except KeyError:\n"
      "        v = ''\n"
      "try:\n"
      "    v = d[k]\n"
      "except KeyError:\n"
      "    v = 0\n");
  CHECK(rangesOf("PH702", source.text) == source.ranges);
}

TEST_CASE("PH702 skips defaults that would be evaluated eagerly and shapes that differ") {
  CHECK(rangesOf("PH702",
                 "def f(d, k):\n    try:\n        v = d[k]\n    except KeyError:\n"
                 "        v = compute()\n")
            .empty());
  CHECK(rangesOf("PH702",
                 "def f(d, k):\n    try:\n        v = d[k]\n    except KeyError:\n"
                 "        v = other[k]\n")
            .empty());
  CHECK(rangesOf("PH702",
                 "def f(d, k):\n    try:\n        v = d[k]\n    except LookupError:\n"
                 "        v = 0\n")
            .empty());
  CHECK(rangesOf("PH702", "def f(d, k):\n    try:\n        v = d[k]\n    except:\n        v = 0\n")
            .empty());
  // `d[k]` on a defaultdict or Counter never raises: the handler is dead, `.get()` would differ.
  CHECK(rangesOf("PH702",
                 "from collections import defaultdict\ndef f(k):\n"
                 "    d = defaultdict(list)\n    try:\n        v = d[k]\n"
                 "    except KeyError:\n        v = []\n")
            .empty());
  CHECK(rangesOf("PH702",
                 "import collections\ndef f(k):\n    d = collections.Counter()\n"
                 "    if k in d:\n        v = d[k]\n    else:\n        v = 0\n")
            .empty());
  CHECK(rangesOf("PH702",
                 "def f(d, k, j):\n    if j in d:\n        v = d[k]\n    else:\n"
                 "        v = 0\n")
            .empty());
}

TEST_CASE(
    "PH702 fix is safe only for a plain dict built in the same scope and a constant default") {
  std::string local =
      "def f(k):\n    d = {}\n    try:\n        v = d[k]\n    except KeyError:\n"
      "        v = 0\n    return v\n";
  CHECK(fixedBy("PH702", local, false) ==
        "def f(k):\n    d = {}\n    v = d.get(k, 0)\n    return v\n");

  std::string comprehension =
      "def f(k, xs):\n    d = {x: 1 for x in xs}\n    if k not in d:\n"
      "        v = ()\n    else:\n        v = d[k]\n";
  CHECK(fixedBy("PH702", comprehension, false) ==
        "def f(k, xs):\n    d = {x: 1 for x in xs}\n    v = d.get(k, ())\n");

  auto unsafe = [](const std::string& text) {
    auto findings = findingsOf("PH702", text);
    REQUIRE(findings.size() == 1);
    REQUIRE(findings[0].fix);
    return findings[0].fix->safety == FixSafety::Unsafe;
  };
  // A parameter may be a defaultdict.
  CHECK(unsafe("def f(d, k):\n    try:\n        v = d[k]\n    except KeyError:\n        v = 0\n"));
  // Bound to a dict, but rebound by a loop.
  CHECK(
      unsafe("def f(k, ds):\n    d = {}\n    for d in ds:\n        try:\n            v = d[k]\n"
             "        except KeyError:\n            v = 0\n"));
  // `dict` is not the builtin.
  CHECK(
      unsafe("from collections import OrderedDict as dict\ndef f(k):\n    d = dict()\n"
             "    try:\n        v = d[k]\n    except KeyError:\n        v = 0\n"));
  // A name as default is evaluated even on a hit.
  CHECK(
      unsafe("def f(k, fallback):\n    d = {}\n    try:\n        v = d[k]\n"
             "    except KeyError:\n        v = fallback\n"));
  // The `if` form evaluates an attribute key twice.
  CHECK(unsafe(
      "def f(o):\n    d = {}\n    if o.k in d:\n        v = d[o.k]\n    else:\n        v = 0\n"));
}

TEST_CASE("PH702 message, and no fix across a comment") {
  auto findings = findingsOf("PH702",
                             "def f(d, k):\n    try:\n        v = d[k]  # hot\n"
                             "    except KeyError:\n        v = 0\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "Dict lookup guarded by `try`/`except KeyError`; a miss raises an exception, `.get()` "
        "with a default does not");
  CHECK_FALSE(findings[0].fix);
  findings = findingsOf("PH702",
                        "def f(d, k):\n    if k in d:\n        v = d[k]\n    else:\n"
                        "        v = 0\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "Key looked up twice (`in`, then `[]`); `.get()` with a default looks it up once");
}
