// PH401 blocking-call-in-async on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH401 flags blocking calls in async def only, not in nested defs or executors") {
  AnnotatedSource source = annotate(
      "import time\n"
      "def f():\n"
      "    time.sleep(1)\n"
      "async def g(loop):\n"
      "    «time.sleep(1)»\n"
      "    def inner():\n"
      "        time.sleep(1)\n"
      "    await loop.run_in_executor(None, inner)\n"
      "    await asyncio.to_thread(time.sleep, 1)\n"
      "    await loop.run_in_executor(None, lambda: time.sleep(1))\n"
      "    xs = [«time.sleep(0)» for _ in range(2)]\n");
  CHECK(rangesOf("PH401", source.text) == source.ranges);
}

TEST_CASE("PH401 resolves names through imports, not spellings") {
  AnnotatedSource source = annotate(
      "from time import sleep\n"
      "import subprocess as sp\n"
      "async def f(time):\n"
      "    time.sleep(1)\n"
      "    «sleep(1)»\n"
      "    «sp.run(['ls'])»\n"
      "async def g():\n"
      "    import time as t\n"
      "    «t.sleep(1)»\n");
  CHECK(rangesOf("PH401", source.text) == source.ranges);
}

TEST_CASE("PH401 sleep fix awaits asyncio.sleep and adds the import after the docstring") {
  std::string text =
      "\"\"\"Doc.\"\"\"\n"
      "def helper():\n"
      "    pass\n"
      "async def f():\n"
      "    __import__('time').sleep(1)\n";
  CHECK(findingsOf("PH401", text).empty());
  text =
      "\"\"\"Doc.\"\"\"\n"
      "from time import sleep\n"
      "async def f():\n"
      "    sleep(1)\n";
  auto findings = findingsOf("PH401", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`sleep()` in `async def` blocks the event loop; use `await asyncio.sleep()`");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH401", text) ==
        "\"\"\"Doc.\"\"\"\n"
        "import asyncio\n"
        "from time import sleep\n"
        "async def f():\n"
        "    await asyncio.sleep(1)\n");
  CHECK(fixedBy("PH401", text, false) == text);
}

TEST_CASE("PH401 fixes use the alias asyncio is imported under") {
  std::string text =
      "import asyncio as aio\n"
      "import time\n"
      "async def f():\n"
      "    time.sleep(1)\n"
      "    x = time.sleep(2)\n";
  CHECK(fixedBy("PH401", text) ==
        "import asyncio as aio\n"
        "import time\n"
        "async def f():\n"
        "    await aio.sleep(1)\n"
        "    x = time.sleep(2)\n");
}

TEST_CASE("PH401 to_thread fix parenthesises before a trailer and respects the target version") {
  std::string text =
      "import asyncio\n"
      "import requests\n"
      "async def f(url):\n"
      "    return requests.get(url).json(), input()\n";
  CHECK(fixedBy("PH401", text) ==
        "import asyncio\n"
        "import requests\n"
        "async def f(url):\n"
        "    return (await asyncio.to_thread(requests.get, url)).json(), await "
        "asyncio.to_thread(input)\n");
  AnalysisOptions options;
  options.targetVersion = PythonVersion{3, 8};
  std::string error;
  auto selection = RuleSelection::fromPatterns({"PH401"}, {}, error);
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document(text, *parser);
  auto findings = analyze(document, *selection, options);
  REQUIRE(findings.size() == 2);
  CHECK_FALSE(findings[0].fix);
  CHECK_FALSE(findings[1].fix);
}

TEST_CASE("PH401 whole-file reads and blocking sockets") {
  AnnotatedSource source = annotate(
      "import socket\n"
      "async def f(path):\n"
      "    with open(path) as fh:\n"
      "        a = «fh.read()»\n"
      "        b = fh.read(100)\n"
      "    c = open(path).read(100)\n"
      "    «open(path, 'w').write(a)»\n"
      "    s = socket.socket()\n"
      "    «s.recv(10)»\n"
      "async def g():\n"
      "    s = socket.socket()\n"
      "    s.setblocking(False)\n"
      "    s.recv(10)\n");
  CHECK(rangesOf("PH401", source.text) == source.ranges);
}

TEST_CASE("PH401 imports asyncio at the top of a file without imports") {
  CHECK(fixedBy("PH401",
                "async def ask():\n"
                "    return input()\n") ==
        "import asyncio\n"
        "\n"
        "async def ask():\n"
        "    return await asyncio.to_thread(input)\n");
}

TEST_CASE("PH401 http.client connections made in the coroutine") {
  AnnotatedSource source = annotate(
      "import http.client\n"
      "async def f(host):\n"
      "    conn = http.client.HTTPSConnection(host)\n"
      "    «conn.request('GET', '/')»\n"
      "    return «conn.getresponse()»\n");
  CHECK(rangesOf("PH401", source.text) == source.ranges);
}

TEST_CASE("PH401 offers no fix in a class body, where await is not allowed") {
  auto findings = findingsOf("PH401",
                             "import time\n"
                             "async def f():\n"
                             "    class Settings:\n"
                             "        time.sleep(1)\n");
  REQUIRE(findings.size() == 1);
  CHECK_FALSE(findings[0].fix);
}
