// PH406 sequential-io-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH406 flags requests that use the loop's item, in sync code") {
  AnnotatedSource source = annotate(
      "import requests as rq\n"
      "def f(urls):\n"
      "    for u in urls:\n"
      "        «rq.get(u)»\n"
      "        rq.get('https://example.invalid')\n"
      "    while urls:\n"
      "        rq.get(urls.pop())\n"
      "async def g(urls):\n"
      "    for u in urls:\n"
      "        rq.get(u)\n");
  CHECK(rangesOf("PH406", source.text) == source.ranges);
}

TEST_CASE("PH406 follows sessions bound by assignment and by with") {
  AnnotatedSource source = annotate(
      "import requests\n"
      "import httpx\n"
      "def f(urls, other):\n"
      "    s = requests.Session()\n"
      "    c = httpx.Client()\n"
      "    for u in urls:\n"
      "        «s.post(u)»\n"
      "        «c.get(u)»\n"
      "        other.get(u)\n"
      "    with requests.session() as t:\n"
      "        [«t.get(u)» for u in urls]\n");
  CHECK(rangesOf("PH406", source.text) == source.ranges);
}

TEST_CASE("PH406 message") {
  auto findings = findingsOf("PH406",
                             "from urllib.request import urlopen\n"
                             "def f(urls):\n"
                             "    return [urlopen(u) for u in urls]\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "Blocking `urllib.request.urlopen` on every pass of a loop: the requests wait one after "
        "another; send them from a ThreadPoolExecutor (`pool.map`) or an async client");
}
