"""What the shop's views call: reports, imports and checks, each with a database idiom that
costs one query per row."""
import sqlite3

from orders.models import Customer, Order, OrderLine, Product

EXPORT_ROW = "INSERT INTO export (customer, lines) VALUES (?, ?)"


def order_report():
    """One line per order: the customer's name and the number of lines."""
    report = []
    for order in Order.objects.order_by("id"):
        report.append(f"#{order.id} {order.customer.name}: {order.lines.count()} lines")
    return report


def product_names(order_ids):
    """The products of each order."""
    orders = Order.objects.filter(id__in=order_ids)
    return {order.id: sorted(p.sku for p in order.products.all()) for order in orders}


def import_customers(rows):
    """Adds customers from (name, email) rows."""
    for name, email in rows:
        Customer.objects.create(name=name, email=email)


def mark_paid(order_ids):
    """Marks the orders paid, one save per order."""
    for order in Order.objects.filter(id__in=order_ids):
        order.paid = True
        order.save()


def prices(skus):
    """The price of each SKU, looked up one by one."""
    return {sku: Product.objects.get(sku=sku).price for sku in skus}


def unpaid_count():
    unpaid = Order.objects.filter(paid=False)
    return len(unpaid)


def has_customers():
    customers = Customer.objects.all()
    if customers:
        return True
    return False


def export(rows):
    """Copies (customer, lines) rows into a SQLite export table."""
    db = sqlite3.connect(":memory:")
    cur = db.cursor()
    cur.execute("CREATE TABLE export (customer TEXT, lines INTEGER)")
    for row in rows:
        cur.execute(EXPORT_ROW, row)
    return cur.execute("SELECT COUNT(*) FROM export").fetchone()[0]


def add_lines(order, products):
    """Adds one line per product (already batched: not flagged)."""
    OrderLine.objects.bulk_create(
        [OrderLine(order=order, product=product, quantity=1) for product in products]
    )
