// PH601 orm-n-plus-one on snippets.
#include "rule_test_support.h"

#include <doctest/doctest.h>

using namespace perfhint;
using namespace perfhint::testing;

namespace {

constexpr const char* kModels =
    "from django.db import models\n"
    "class Order(models.Model):\n"
    "    customer = models.ForeignKey('Customer', on_delete=models.CASCADE)\n"
    "    created = models.DateTimeField()\n";

}  // namespace

TEST_CASE("PH601 flags relations of a known model, through a local binding") {
  AnnotatedSource source = annotate(std::string(kModels) +
                                    "def f():\n"
                                    "    qs = Order.objects.filter(created__year=2020)\n"
                                    "    for order in qs:\n"
                                    "        print(«order.customer», order.created.year)\n"
                                    "    for order in qs.select_related('customer'):\n"
                                    "        print(order.customer)\n");
  CHECK(rangesOf("PH601", source.text) == source.ranges);
}

TEST_CASE("PH601 needs an import or a model class behind `.objects`") {
  AnnotatedSource source = annotate(
      "from shop.models import Order\n"
      "class Order2:\n"
      "    pass\n"
      "for o in Order.objects.all():\n"
      "    print(«o.user».name, o.items.filter(a=1))\n"
      "for o in Order2.objects.all():\n"
      "    print(o.user.name)\n"
      "for o in Unknown.objects.all():\n"
      "    print(o.user.name)\n");
  CHECK(rangesOf("PH601", source.text) == source.ranges);
}

TEST_CASE("PH601 message and unsafe fix on the binding") {
  std::string text = std::string(kModels) +
                     "def f():\n"
                     "    qs = Order.objects.all()\n"
                     "    return [o.customer for o in qs]\n";
  auto findings = findingsOf("PH601", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`o.customer` runs a query for each row (1 + N queries); load it with the queryset: "
        "`.select_related(\"customer\")`");
  REQUIRE(findings[0].fix);
  CHECK(findings[0].fix->safety == FixSafety::Unsafe);
  CHECK(fixedBy("PH601", text) == std::string(kModels) +
                                      "def f():\n"
                                      "    qs = Order.objects.all().select_related(\"customer\")\n"
                                      "    return [o.customer for o in qs]\n");
  CHECK(fixedBy("PH601", text, false) == text);
}

TEST_CASE("PH601 on SQLAlchemy: a hint naming the loader option") {
  std::string text =
      "from sqlalchemy.orm import relationship\n"
      "class Author(Base):\n"
      "    books = relationship('Book')\n"
      "def f(session):\n"
      "    for a in session.query(Author):\n"
      "        for b in a.books:\n"
      "            print(b)\n";
  auto findings = findingsOf("PH601", text);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "`a.books` loads the relation for each row, one query each (1 + N queries); load it with "
        "the query: `.options(selectinload(Author.books))`");
  CHECK_FALSE(findings[0].fix);
}
