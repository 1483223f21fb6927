"""Runs the example: python3 examples/shop/main.py"""
import os
import tempfile

from inventory import (blank_items, has_heavy, load_items, process_queue, restock,
                       shipping_weights, stock_value, ways_to_pack)
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
    items = load_items([("ab-1", 3, 4.0), ("cd-2", 0, 16.0)])
    print(restock(items, ["AB-1"]), len(blank_items(2)), has_heavy(items))
    print(process_queue(["pack", "reship"]), ways_to_pack(10))
    print(stock_value({"ab-1": 3}, {"ab-1": 2.5}), shipping_weights(items, 2.0))
