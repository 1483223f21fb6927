// PH705 exception-for-control-flow on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH705 flags a single guarded lookup in a loop") {
  AnnotatedSource source = annotate(
      "for row in rows:\n"
      "    try:\n"
      "        v = «row[0]»\n"
      "    except IndexError:\n"
      "        continue\n"
      "    try:\n"
      "        n = «row.name»\n"
      "    except AttributeError:\n"
      "        continue\n"
      "    try:\n"
      "        «seen[row]» += 1\n"
      "    except KeyError:\n"
      "        seen[row] = 1\n");
  CHECK(rangesOf("PH705", source.text) == source.ranges);
}

TEST_CASE("PH705 leaves PH702's shape and other handlers alone") {
  // PH702 reports `v = d[k]` / `v = <constant>`.
  CHECK(rangesOf("PH705",
                 "for k in ks:\n    try:\n        v = d[k]\n    except KeyError:\n"
                 "        v = 0\n")
            .empty());
  // Not in a loop; a handler that raises; a call in the body; two exceptions.
  CHECK(rangesOf("PH705", "try:\n    v = a[0]\nexcept IndexError:\n    v = None\n").empty());
  CHECK(rangesOf("PH705",
                 "for k in ks:\n    try:\n        v = d[k]\n    except KeyError:\n"
                 "        raise ValueError(k)\n")
            .empty());
  // Handlers that leave the loop raise once at most; an attribute with a default is mostly there.
  CHECK(rangesOf("PH705",
                 "for i in xs:\n    try:\n        v = a[i]\n    except IndexError:\n"
                 "        break\n")
            .empty());
  CHECK(rangesOf("PH705",
                 "for o in os:\n    try:\n        v = o.x\n    except AttributeError:\n"
                 "        v = None\n")
            .empty());
  CHECK(rangesOf("PH705",
                 "for o in os:\n    try:\n        v = o.f()\n    except AttributeError:\n"
                 "        v = None\n")
            .empty());
  CHECK(rangesOf("PH705",
                 "for o in os:\n    try:\n        v = o[1]\n"
                 "    except (KeyError, IndexError):\n        v = None\n")
            .empty());
}

TEST_CASE("PH705 is a hint naming the alternative") {
  auto findings = findingsOf("PH705",
                             "for o in os:\n    try:\n        v = o.x\n    except AttributeError:\n"
                             "        continue\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == Severity::Hint);
  CHECK_FALSE(findings[0].fix);
  CHECK(findings[0].message.find("getattr()") != std::string::npos);
}
