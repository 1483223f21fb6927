// PH703 import-in-function on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH703 flags imports in loops and imports the module already makes") {
  AnnotatedSource source = annotate(
      "import json\n"
      "from os import sep\n"
      "def f(xs):\n"
      "    for x in xs:\n"
      "        «import csv»\n"
      "    import json\n"  // a repeated plain import outside a loop costs < 100 ns
      "    «from os import sep»\n"
      "    import pickle\n"
      "    while xs:\n"
      "        «from os import path»\n"
      "        xs.pop()\n");
  CHECK(rangesOf("PH703", source.text) == source.ranges);
}

TEST_CASE("PH703 leaves deliberate lazy and guarded imports alone") {
  // Defers a module the file does not import at its top.
  CHECK(rangesOf("PH703", "def f():\n    import csv\n    return csv\n").empty());
  // The top-level import is conditional, so this one may be the only one that works.
  CHECK(rangesOf("PH703",
                 "import sys\nif sys.platform == 'win32':\n    import winreg\n"
                 "def f():\n    import winreg\n")
            .empty());
  // The module rebinds the name.
  CHECK(rangesOf("PH703", "from os import sep\nsep = None\ndef f():\n    from os import sep\n")
            .empty());
  // A different binding of the same module.
  CHECK(rangesOf("PH703", "import json\ndef f():\n    from json import dumps\n").empty());
  // Probing for an optional module inside a loop.
  CHECK(rangesOf("PH703",
                 "def f(xs):\n    for x in xs:\n        try:\n            import yaml\n"
                 "        except Exception:\n            pass\n")
            .empty());
  CHECK(rangesOf("PH703", "for x in xs:\n    import csv\n").empty());
  // Cold branches inside a loop.
  CHECK(rangesOf("PH703",
                 "def f(xs):\n    for x in xs:\n        if x:\n            import csv\n"
                 "        else:\n            import json\n")
            .empty());
  // A submodule the top-level import does not load, though both bind `http`.
  CHECK(rangesOf("PH703", "import http.client\ndef f():\n    import http.cookiejar\n").empty());
  // The function binds the name another way too, so the import rebinds it.
  CHECK(rangesOf("PH703", "from os import sep\ndef f(sep):\n    from os import sep\n").empty());
  CHECK(rangesOf("PH703", "from os import sep\ndef f():\n    sep = 1\n    from os import sep\n")
            .empty());
  CHECK(
      rangesOf("PH703",
               "from os import sep\nclass A:\n    def __del__(self):\n        from os import sep\n")
          .empty());
}

// Whether the one finding on `text` offers to remove the import (it repeats a top-level one).
bool removable(const std::string& text) {
  auto findings = findingsOf("PH703", text);
  REQUIRE(findings.size() == 1);
  return findings[0].fix.has_value();
}

TEST_CASE("PH703 compares what top-level and function imports bind and load") {
  // Plain imports: flagged in loops, and removable when the top-level import covers them.
  const std::string loop = "def f(xs):\n    for x in xs:\n        ";
  CHECK(removable("import os.path\n" + loop + "import os\n"));
  CHECK_FALSE(removable("import os\n" + loop + "import os.path\n"));
  CHECK(removable("import a.b as c\n" + loop + "import a.b as c\n"));
  CHECK_FALSE(removable("from a import b\n" + loop + "import a.b as b\n"));
  CHECK(rangesOf("PH703", "import os.path\ndef f():\n    import os\n").empty());
  CHECK(rangesOf("PH703", "from . import b\ndef f():\n    from . import b\n").size() == 1);
  CHECK(rangesOf("PH703", "from . import b\ndef f():\n    from .. import b\n").empty());
}

TEST_CASE("PH703 removes a repeated import, keeping the block non-empty") {
  const std::string top = "from json import dumps\ndef f(a):\n";
  CHECK(fixedBy("PH703", top + "    from json import dumps\n    return dumps\n") ==
        top + "    return dumps\n");
  CHECK(fixedBy("PH703", top + "    if a:\n        from json import dumps\n    return dumps\n") ==
        top + "    if a:\n        pass\n    return dumps\n");
  CHECK(fixedBy("PH703", top + "    from json import dumps\n    return dumps\n", false) ==
        top + "    from json import dumps\n    return dumps\n");
  // Nothing to remove safely: a comment on the line, or another statement on it.
  std::string commented = top + "    from json import dumps  # keep\n    return dumps\n";
  CHECK(fixedBy("PH703", commented) == commented);
  std::string shared = top + "    from json import dumps; x = 1\n    return dumps\n";
  CHECK(fixedBy("PH703", shared) == shared);
  // In a loop without a top-level twin: flagged, no fix.
  auto findings = findingsOf("PH703", "def f(xs):\n    for x in xs:\n        import csv\n");
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
}

TEST_CASE("PH703 messages") {
  auto findings = findingsOf("PH703",
                             "from os import sep, getcwd\n"
                             "def f():\n"
                             "    from os import sep, getcwd\n"
                             "def g(xs):\n"
                             "    for x in xs:\n"
                             "        for y in x:\n"
                             "            import csv\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "Import repeats the module-level import of `sep`, `getcwd` on every call; use the "
        "module-level name");
  CHECK(findings[1].message ==
        "Import statement runs on every loop iteration; import once, before the loop or at module "
        "level (inside 2 nested loops)");
}
