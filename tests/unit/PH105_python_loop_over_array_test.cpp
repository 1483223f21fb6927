// PH105 python-loop-over-array on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH105 flags accumulation over a NumPy array, by index and by item") {
  AnnotatedSource source = annotate(
      "import numpy as np\n"
      "def f(n):\n"
      "    a = np.zeros(n)\n"
      "    t = 0\n"
      "    for i in range(n):\n"
      "        «t += a[i] * a[i]»\n"
      "    for x in a:\n"
      "        «t -= abs(x)»\n"
      "    return t\n");
  CHECK(rangesOf("PH105", source.text) == source.ranges);
}

TEST_CASE("PH105 needs a one-dimensional array from numpy") {
  CHECK(rangesOf("PH105",
                 "import numpy as np\n"
                 "def f(n, a):\n"
                 "    t = 0\n"
                 "    for x in a:\n"
                 "        t += x\n"
                 "    b = np.ones((n, 2))\n"
                 "    for x in b:\n"
                 "        t += x\n"
                 "    c = list(range(n))\n"
                 "    for x in c:\n"
                 "        t += x\n"
                 "    return t\n")
            .empty());
}

TEST_CASE("PH105 message and no fix") {
  auto plain = findingsOf("PH105",
                          "import numpy as np\n"
                          "a = np.arange(9)\n"
                          "t = 0\n"
                          "for x in a:\n"
                          "    t += x ** 2\n");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].message ==
        "`t` accumulates over a NumPy array one item at a time; use a vectorised reduction such as "
        "`np.sum(...)` or `np.dot(...)`");
  CHECK_FALSE(plain[0].fix);
  auto branching = findingsOf("PH105",
                              "import numpy as np\n"
                              "a = np.arange(9)\n"
                              "t = 0\n"
                              "for x in a:\n"
                              "    t += x if x > 2 else -x\n");
  REQUIRE(branching.size() == 1);
  CHECK(branching[0].message.find("`numba.njit`") != std::string::npos);
}

TEST_CASE("PH105 skips bodies that call other code or store items") {
  CHECK(rangesOf("PH105",
                 "import numpy as np\n"
                 "a = np.ones(4)\n"
                 "t = 0\n"
                 "for x in a:\n"
                 "    t += f(x)\n"
                 "for i in range(4):\n"
                 "    a[i] = t\n"
                 "    t += a[i]\n")
            .empty());
}
