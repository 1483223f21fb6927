"""Stock keeping with more of the slow idioms perfhint reports."""
import copy
import math

DEFAULT_ITEM = {"name": "", "tags": [], "qty": 0}


class Item:
    def __init__(self, sku, qty, weight):
        self.sku = sku
        self.qty = qty
        self.weight = weight


def load_items(rows):
    return [Item(sku, qty, weight) for sku, qty, weight in rows]


def blank_items(count):
    items = []
    for _ in range(count):
        items.append(copy.deepcopy(DEFAULT_ITEM))
    return items


def restock(items, skus):
    wanted = [sku.upper() for sku in skus]
    low = []
    for item in items:
        if item.sku.upper() in wanted:
            low.append(item.sku)
    return low


def process_queue(tasks):
    queue = list(tasks)
    done = []
    while queue:
        task = queue.pop(0)
        done.append(task.upper())
        if task.startswith("re"):
            queue.append(task[2:])
    return done


def stock_value(stock, prices):
    total = 0.0
    for sku in stock:
        total += stock[sku] * prices.get(sku, 0.0)
    return total


def shipping_weights(items, factor):
    weights = []
    for item in items:
        weights.append(math.sqrt(item.weight) * factor)
    return weights


def ways_to_pack(n):
    if n < 2:
        return 1
    return ways_to_pack(n - 1) + ways_to_pack(n - 2)


def has_heavy(items):
    return any([item.weight > 10 for item in items])
