// PH303 unbounded-cache on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH303 flags module-level memo dicts that only grow") {
  AnnotatedSource source = annotate(
      "_cache = {}\n"
      "def f(key):\n"
      "    try:\n"
      "        return _cache[key]\n"
      "    except KeyError:\n"
      "        pass\n"
      "    «_cache[key]» = key * 2\n"
      "    return _cache[key]\n"
      "print([f(line.strip()) for line in open(__file__)])\n");
  CHECK(rangesOf("PH303", source.text) == source.ranges);
  auto findings = findingsOf("PH303", source.text);
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
  CHECK(findings[0].severity == Severity::Hint);
}

TEST_CASE("PH303 leaves bounded caches, counters and registries alone") {
  const std::string memo =
      "def f(key):\n"
      "    if key not in _cache:\n"
      "        _cache[key] = key * 2\n"
      "    return _cache[key]\n"
      "for name in names:\n"
      "    f(name)\n";
  CHECK(rangesOf("PH303", "_cache = {}\n" + memo).size() == 1);
  // Keys from a fixed domain: the function is never fed loop data.
  CHECK(rangesOf("PH303", "_cache = {}\n" + memo.substr(0, memo.find("for name")) +
                              "for name in names:\n    f(True)\n")
            .empty());
  CHECK(rangesOf("PH303", "_cache = {}\n" + memo + "def g():\n    _cache.clear()\n").empty());
  CHECK(rangesOf("PH303", "_cache = {}\n" + memo + "def g(k):\n    del _cache[k]\n").empty());
  CHECK(rangesOf("PH303", "_cache = {}\n" + memo + "def g():\n    return len(_cache)\n").empty());
  CHECK(rangesOf("PH303", "_cache = {}\n" + memo + "clear = _cache.clear\n").empty());
  CHECK(rangesOf("PH303", "_cache = {1: 2}\n" + memo).empty());
  CHECK(rangesOf("PH303", "_cache = {}\n_cache = {}\n" + memo).empty());
  // Looked up only to check, never returned: a registry of settings.
  CHECK(rangesOf("PH303",
                 "_seen = {}\ndef f(k, v):\n    if k in _seen and _seen[k] != v:\n"
                 "        raise ValueError(k)\n    _seen[k] = v\n"
                 "for k in ks:\n    f(k, 1)\n")
            .empty());
  // Stored without a lookup first: a registry, not a cache.
  CHECK(rangesOf("PH303", "_cache = {}\ndef f(k):\n    _cache[k] = 1\n").empty());
  // A local dict of the same name.
  CHECK(rangesOf("PH303",
                 "_cache = {}\ndef f(k):\n    _cache = {}\n    if k in _cache:\n"
                 "        return 1\n    _cache[k] = 1\n")
            .empty());
}

TEST_CASE("PH303 flags unbounded caches on methods") {
  AnnotatedSource source = annotate(
      "import functools as ft\n"
      "class A:\n"
      "    «@ft.cache»\n"
      "    def f(self):\n"
      "        return 1\n"
      "    «@ft.lru_cache(None)»\n"
      "    def g(self, x):\n"
      "        return x\n"
      "    @ft.lru_cache()\n"
      "    def h(self):\n"
      "        return 1\n"
      "    @classmethod\n"
      "    @ft.lru_cache(maxsize=None)\n"
      "    def k(cls):\n"
      "        return 1\n"
      "@ft.cache\n"
      "def free(x):\n"
      "    return x\n"
      "for i in range(3):\n"
      "    A()\n");
  CHECK(rangesOf("PH303", source.text) == source.ranges);
  // One instance, or a module that clears the cache.
  CHECK(rangesOf("PH303",
                 "import functools\nclass A:\n    @functools.cache\n"
                 "    def f(self):\n        return 1\na = A()\n")
            .empty());
  CHECK(rangesOf("PH303",
                 "import functools\nclass A:\n    @functools.cache\n"
                 "    def f(self):\n        return 1\n"
                 "    def reset(self):\n        self.f.cache_clear()\n"
                 "for i in range(3):\n    A()\n")
            .empty());
}
