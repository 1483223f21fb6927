// PH604 queryset-count-and-exists on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH604 flags len() and truth tests of querysets nothing reads afterwards") {
  AnnotatedSource source = annotate(
      "from shop.models import Order\n"
      "def f():\n"
      "    qs = Order.objects.all()\n"
      "    n = «len(qs)»\n"
      "    kept = Order.objects.all()\n"
      "    if kept:\n"
      "        return list(kept)\n"
      "    if «len(Order.objects.filter(a=1)) >= 1»:\n"
      "        return n\n");
  CHECK(rangesOf("PH604", source.text) == source.ranges);
}

TEST_CASE("PH604 a rebinding ends the old queryset's life") {
  AnnotatedSource source = annotate(
      "from shop.models import Order\n"
      "def f():\n"
      "    qs = Order.objects.all()\n"
      "    if «qs»:\n"
      "        qs = Order.objects.none()\n"
      "    return qs\n");
  CHECK(rangesOf("PH604", source.text) == source.ranges);
}

TEST_CASE("PH604 messages and unsafe fixes") {
  std::string text =
      "from shop.models import Order\n"
      "def f():\n"
      "    qs = Order.objects.all()\n"
      "    return len(qs) < 1\n";
  auto findings = findingsOf("PH604", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`len(qs) < 1` loads every row to test for one; `not qs.exists()` asks the database "
        "for at most one");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH604", text) ==
        "from shop.models import Order\n"
        "def f():\n"
        "    qs = Order.objects.all()\n"
        "    return not qs.exists()\n");
  CHECK(fixedBy("PH604", text, false) == text);
}

TEST_CASE("PH604 leaves a shadowed len and SQLAlchemy queries alone") {
  std::string text =
      "import sqlalchemy\n"
      "from shop.models import Order\n"
      "def f(session):\n"
      "    a = len(session.query(Order).all())\n"
      "    len = print\n"
      "    return len(Order.objects.all())\n";
  CHECK(findingsOf("PH604", text).empty());
}
