"""Runs the example: python3 examples/shop/main.py"""
import os
import tempfile

from orders import order_codes, order_totals, price_of, valid_codes, vip_orders
from reports import Page, count_errors, summary_line

ORDERS = [
    {"customer": "alice", "qty": 2, "price": 3.5, "code": "abc-1234"},
    {"customer": "dave", "qty": 1, "price": 10.0, "code": "xyz-99"},
    {"customer": "carol", "qty": 5, "price": 1.25, "code": "def-5678"},
]

if __name__ == "__main__":
    totals = order_totals(ORDERS)
    print(summary_line(totals))
    print(len(vip_orders(ORDERS)), "VIP orders")
    print(valid_codes(order_codes(ORDERS)))
    print(price_of({"abc": 1.0}, "zzz"))
    print(Page().render(["a", "b"]))
    with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as log:
        log.write("INFO start\nERROR disk\nERROR net\n")
    print(count_errors(log.name), "errors")
    os.unlink(log.name)
