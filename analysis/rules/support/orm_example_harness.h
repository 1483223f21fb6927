// The program the database rules' examples run after (RuleExample::harness): Django set up on an
// in-memory SQLite database with three small models, a few rows, and the models importable as
// `shop.models`, so that each example can stay a few lines long; and the rows their measurements
// build on it.
#pragma once

#include <string_view>

namespace perfhint::orm {

inline constexpr std::string_view kDjangoShopHarness = R"(
import sys
import types

import django
from django.conf import settings

settings.configure(
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    INSTALLED_APPS=[],
)
django.setup()
from django.db import connection, models


class Customer(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "shop"


class Order(models.Model):
    customer = models.ForeignKey(Customer, models.CASCADE, related_name="orders")
    total = models.IntegerField()

    class Meta:
        app_label = "shop"


class Item(models.Model):
    order = models.ForeignKey(Order, models.CASCADE, related_name="items")
    sku = models.CharField(max_length=20)

    class Meta:
        app_label = "shop"


with connection.schema_editor() as editor:
    for model in (Customer, Order, Item):
        editor.create_model(model)
for i in range(3):
    customer = Customer.objects.create(name=f"customer {i}")
    order = Order.objects.create(customer=customer, total=10 * i)
    Item.objects.create(order=order, sku=f"sku {i}")
shop = types.ModuleType("shop")
shop.models = types.ModuleType("shop.models")
shop.models.Customer, shop.models.Order, shop.models.Item = Customer, Order, Item
sys.modules["shop"], sys.modules["shop.models"] = shop, shop.models
)";

/// A measure setup (RuleMeasure::setup) over that database: `n` orders of the first customer, with
/// no other orders or items left, for the rules whose cost grows with the number of orders.
inline constexpr std::string_view kOrdersOfSizeNSetup = R"(
Item.objects.all().delete()
Order.objects.all().delete()
first = Customer.objects.first()
Order.objects.bulk_create([Order(customer=first, total=i) for i in range(n)])
)";

}  // namespace perfhint::orm
