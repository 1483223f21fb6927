"""Runs the example: python3 examples/django_orders/main.py

Django is set up on an in-memory SQLite database, enough to run the `orders` app without a
project."""
import django
from django.conf import settings

settings.configure(
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    INSTALLED_APPS=["orders"],
)
django.setup()

from django.db import connection  # noqa: E402  (after Django is set up)

from orders import models, services  # noqa: E402


def create_tables():
    with connection.schema_editor() as editor:
        for model in models.ALL_MODELS:
            editor.create_model(model)


if __name__ == "__main__":
    create_tables()
    services.import_customers([("ann", "ann@example.com"), ("bob", "bob@example.com")])
    products = [
        models.Product.objects.create(sku="pen", price=2),
        models.Product.objects.create(sku="ink", price=5),
    ]
    for customer in models.Customer.objects.all():
        order = models.Order.objects.create(customer=customer)
        order.products.set(products)
        services.add_lines(order, products)
    print("\n".join(services.order_report()))
    print(services.product_names([1, 2]))
    services.mark_paid([1])
    print(services.prices(["pen", "ink"]))
    print(services.unpaid_count(), "unpaid;", "customers:", services.has_customers())
    print(services.export([(line, 2) for line in services.order_report()]), "rows exported")
