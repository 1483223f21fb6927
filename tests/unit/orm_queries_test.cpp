// orm_queries: model classes and their relations, and querysets followed through names.
#include "analysis/rules/support/orm_queries.h"

#include <doctest/doctest.h>

#include <string>

using namespace perfhint;
using namespace perfhint::orm;

namespace {

struct Analyzed {
  syntax::ParserPtr parser = syntax::makePythonParser();
  Document document;
  SemanticModel model;

  explicit Analyzed(std::string text) : document(std::move(text), *parser), model(document) {}
  Analyzed(const Analyzed&) = delete;
  Analyzed& operator=(const Analyzed&) = delete;

  /// The iterable of the first `for` loop.
  TSNode firstLoopIterable() const {
    return syntax::childByField(model.sites(NodeKind::ForStatement).front().node, "right");
  }
};

}  // namespace

TEST_CASE("modelClasses reads relations, reverse accessors and SQLAlchemy loading") {
  Analyzed analyzed(
      "from django.db import models\n"
      "from sqlalchemy.orm import relationship\n"
      "class Customer(models.Model):\n"
      "    name = models.CharField(max_length=9)\n"
      "class Order(models.Model):\n"
      "    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)\n"
      "    tags = models.ManyToManyField('Tag', related_name='orders')\n"
      "class Tag(models.Model):\n"
      "    pass\n"
      "class Plain:\n"
      "    name = 'x'\n"
      "class Author(Base):\n"
      "    books = relationship('Book')\n"
      "    shelf = relationship('Shelf', lazy='joined')\n");
  std::vector<ModelClass> models = modelClasses(analyzed.model);
  REQUIRE(models.size() == 4);
  const ModelClass* customer = findModel(models, "Customer");
  REQUIRE(customer);
  CHECK(fieldKind(*customer, "name") == FieldKind::Plain);
  CHECK(fieldKind(*customer, "order_set") == FieldKind::ToMany);
  const ModelClass* order = findModel(models, "Order");
  REQUIRE(order);
  CHECK(fieldKind(*order, "customer") == FieldKind::ToOne);
  CHECK(fieldKind(*order, "tags") == FieldKind::ToMany);
  CHECK_FALSE(fieldKind(*order, "total"));
  CHECK(fieldKind(*findModel(models, "Tag"), "orders") == FieldKind::ToMany);
  CHECK_FALSE(findModel(models, "Plain"));
  const ModelClass* author = findModel(models, "Author");
  REQUIRE(author);
  CHECK(author->orm == Orm::SqlAlchemy);
  CHECK(fieldKind(*author, "books") == FieldKind::ToMany);
  CHECK(fieldKind(*author, "shelf") == FieldKind::EagerOne);
}

TEST_CASE("queryOf follows a local name and collects what the query loads") {
  Analyzed analyzed(
      "from shop.models import Order\n"
      "def f():\n"
      "    base = Order.objects.filter(paid=True)\n"
      "    qs = base.select_related('customer__address').prefetch_related('items')\n"
      "    for order in qs:\n"
      "        pass\n");
  TSNode iterable = analyzed.firstLoopIterable();
  std::optional<Query> query = queryOf(iterable, 0, ts_node_start_byte(iterable), analyzed.model);
  REQUIRE(query);
  CHECK(query->orm == Orm::Django);
  CHECK(query->modelName == "Order");
  CHECK(query->outermostIsBindingValue);
  CHECK(analyzed.document.text(query->outermost) ==
        "base.select_related('customer__address').prefetch_related('items')");
  CHECK(query->loadedRelations == std::vector<std::string_view>{"items", "customer"});
}

TEST_CASE("queryOf refuses what is not a queryset of model rows") {
  for (std::string iterable : {"Order.objects.values('id')", "Order.objects",
                               "Unknown.objects.all()", "Order.objects.all()[:5]", "rows"}) {
    CAPTURE(iterable);
    Analyzed analyzed("from shop.models import Order\nfor o in " + iterable + ":\n    pass\n");
    TSNode node = analyzed.firstLoopIterable();
    CHECK_FALSE(queryOf(node, kModuleScope, ts_node_start_byte(node), analyzed.model));
  }
}

TEST_CASE("queryOf reads SQLAlchemy queries in both styles") {
  Analyzed analyzed(
      "from sqlalchemy import select\n"
      "from app.models import User\n"
      "for u in session.scalars(select(User).options(selectinload(User.posts))):\n"
      "    pass\n");
  TSNode node = analyzed.firstLoopIterable();
  std::optional<Query> query =
      queryOf(node, kModuleScope, ts_node_start_byte(node), analyzed.model);
  REQUIRE(query);
  CHECK(query->orm == Orm::SqlAlchemy);
  CHECK(query->modelName == "User");
  CHECK(query->loadedRelations == std::vector<std::string_view>{"posts"});
}

TEST_CASE("queryOf reads execute(select(...)).scalars(), not execute() alone") {
  for (auto [iterable, isQuery] : {std::pair{"session.execute(select(User)).scalars().all()", true},
                                   std::pair{"session.execute(select(User))", false}}) {
    CAPTURE(iterable);
    Analyzed analyzed(std::string("from sqlalchemy import select\nfrom app.models import User\n") +
                      "for u in " + iterable + ":\n    pass\n");
    TSNode node = analyzed.firstLoopIterable();
    CHECK(queryOf(node, kModuleScope, ts_node_start_byte(node), analyzed.model).has_value() ==
          isQuery);
  }
}
