// PH201 string-concat-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH201 flags strings CPython cannot grow in place") {
  AnnotatedSource source = annotate(
      "out = ''\n"
      "for x in range(3):\n"
      "    «out += str(x)»\n"
      "class C:\n"
      "    def f(self, xs):\n"
      "        for x in xs:\n"
      "            «self.s += f'{x}'»\n"
      "def g(xs):\n"
      "    global out\n"
      "    for x in xs:\n"
      "        «out += x»\n"
      "def h(xs):\n"
      "    s = ''\n"
      "    for x in xs:\n"
      "        «s += x»\n"
      "    return lambda: s\n"
      "def k(xs):\n"
      "    data = b''\n"
      "    while xs:\n"
      "        «data += xs.pop()»\n");
  CHECK(rangesOf("PH201", source.text) == source.ranges);
}

TEST_CASE("PH201 leaves linear and non-text accumulation alone") {
  CHECK(rangesOf("PH201",
                 "def f(xs):\n"
                 "    s = ''\n"
                 "    n = 0\n"
                 "    items = []\n"
                 "    for x in xs:\n"
                 "        s += x\n"
                 "        n += 1\n"
                 "        items += [x]\n"
                 "        x += 'suffix'\n"
                 "    return s, n, items\n")
            .empty());
  // Nothing known about the type, or not in a loop.
  CHECK(rangesOf("PH201", "for x in xs:\n    total += x\n").empty());
  CHECK(rangesOf("PH201", "s = ''\ns += 'x'\n").empty());
  // A list bound before the loop: `+=` with a string extends it by characters.
  CHECK(rangesOf("PH201", "acc = []\nfor x in xs:\n    acc += 'ab'\n").empty());
  // Reset on every pass.
  CHECK(rangesOf("PH201", "for row in rows:\n    line = ''\n    line += 'x'\n").empty());
  // A different object on every pass.
  CHECK(rangesOf("PH201", "for o in objs:\n    o.name += '!'\n").empty());
}

TEST_CASE("PH201 messages name the holder and the remedy") {
  auto findings = findingsOf("PH201",
                             "class C:\n"
                             "    def f(self, xs):\n"
                             "        for x in xs:\n"
                             "            self.s += 'x'\n"
                             "def g(xs):\n"
                             "    b = b''\n"
                             "    for x in xs:\n"
                             "        b += x\n");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "String attribute grown with `+=` in a loop is copied on every pass; collect the parts "
        "in a list and `\"\".join` them once");
  CHECK(
      findings[1].message ==
      "Bytes value grown with `+=` in a loop is copied on every pass; collect the parts in a list "
      "and `b\"\".join` them once, or use a `bytearray`");
  CHECK(findings[0].severity == Severity::Warning);
  CHECK_FALSE(findings[0].fix);
  // `b = b''` right before a loop that only appends: the join fix.
  REQUIRE(findings[1].fix);
  CHECK(findings[1].fix->safety == FixSafety::Unsafe);
}

TEST_CASE("PH201 counts the loops around the growing string") {
  auto findings = findingsOf("PH201",
                             "text = ''\n"
                             "for row in rows:\n"
                             "    for cell in row:\n"
                             "        text += cell\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].loopDepth == 2);
  CHECK(findings[0].message.ends_with("(inside 2 nested loops)"));
}

TEST_CASE("PH201 fix joins a loop that only appends to a fresh empty string") {
  CHECK(fixedBy("PH201",
                "s = ''\n"
                "for a, b in pairs:\n"
                "    s += a + b\n"
                "print(s)\n") == "s = ''.join([a + b for a, b in pairs])\nprint(s)\n");
  // Iterables and elements that would parse differently inside a comprehension get parentheses.
  CHECK(fixedBy("PH201",
                "def f(xs, ys, c):\n"
                "    data = b''\n"
                "    for x in xs if c else ys:\n"
                "        data += x if c else b'-'\n"
                "    return data\n") ==
        "def f(xs, ys, c):\n"
        "    data = b''.join([(x if c else b'-') for x in (xs if c else ys)])\n"
        "    return data\n");
}

TEST_CASE("PH201 fix declines shapes whose meaning a join would change") {
  auto unfixed = [](const std::string& text) {
    auto findings = findingsOf("PH201", text);
    return findings.size() == 1 && !findings[0].fix;
  };
  // The loop variable is read after the loop, or by a function of the module.
  CHECK(unfixed("s = ''\nfor x in xs:\n    s += x\nprint(x)\n"));
  CHECK(unfixed("s = ''\nfor x in xs:\n    s += x\ndef f():\n    return x\n"));
  // An `else`, another statement, a comment, or `s` read in the loop.
  CHECK(unfixed("s = ''\nfor x in xs:\n    s += x\nelse:\n    pass\n"));
  CHECK(unfixed("s = ''\nfor x in xs:\n    s += x\n    n = 1\n"));
  CHECK(unfixed("s = ''\nfor x in xs:\n    # why\n    s += x\n"));
  CHECK(unfixed("s = ''\nfor x in xs:\n    s += s[-1:] + x\n"));
  CHECK(unfixed("s = ''\nfor x in s:\n    s += x\n"));
  // Not empty, not right before the loop, or not a plain name target.
  CHECK(unfixed("s = '-'\nfor x in xs:\n    s += x\n"));
  CHECK(unfixed("s = ''\nn = 0\nfor x in xs:\n    s += x\n"));
  CHECK(unfixed("s = ''\nfor o.x in xs:\n    s += 'a'\n"));
  // A class body, whose names a comprehension cannot see; a call that inspects its frame.
  CHECK(unfixed("class C:\n    s = ''\n    for x in xs:\n        s += x\n"));
  CHECK(unfixed("s = ''\nfor x in xs:\n    s += str(locals())\n"));
}
