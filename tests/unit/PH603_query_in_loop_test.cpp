// PH603 query-in-loop on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

TEST_CASE("PH603 flags manager queries built from a loop variable") {
  AnnotatedSource source = annotate(
      "from shop.models import Customer\n"
      "Customer.objects.get(pk=1)\n"
      "def f(ids):\n"
      "    for i in ids:\n"
      "        a = «Customer.objects.get(pk=i)»\n"
      "        b = Customer.objects.get(pk=1)\n"
      "        c = Unknown.objects.get(pk=i)\n"
      "        Customer.objects.filter(pk=i).delete()\n"
      "    return [«Customer.objects.filter(pk=j)».first() for j in ids]\n");
  CHECK(rangesOf("PH603", source.text) == source.ranges);
}

TEST_CASE("PH603 message, and no fix") {
  auto findings = findingsOf("PH603",
                             "from shop.models import Customer\n"
                             "for i in ids:\n"
                             "    for j in i:\n"
                             "        print(Customer.objects.get(pk=j))\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`Customer.objects.get()` with the loop variable runs one query per pass; fetch the rows "
        "once before the loop (`in_bulk()` or `filter(pk__in=...)`) and look them up "
        "(inside 2 nested loops)");
  CHECK_FALSE(findings[0].fix);
}

TEST_CASE("PH603 on SQLAlchemy sessions") {
  AnnotatedSource source = annotate(
      "import sqlalchemy\n"
      "from app.models import User\n"
      "def f(session, ids):\n"
      "    for i in ids:\n"
      "        «session.get(User, i)»\n"
      "        «session.query(User).filter_by(id=i).one()»\n"
      "        session.get(User, 1)\n"
      "        config.get(User, i)\n");
  CHECK(rangesOf("PH603", source.text) == source.ranges);
}
