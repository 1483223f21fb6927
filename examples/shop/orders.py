"""Order handling with the slow idioms perfhint reports."""
import re

VIP_CUSTOMERS = ["alice", "bob", "carol"]


def order_totals(orders):
    totals = []
    for order in orders:
        totals.append(order["qty"] * order["price"])
    return totals


def vip_orders(orders):
    selected = []
    for order in orders:
        if order["customer"] in ["alice", "bob", "carol"]:
            selected.append(order)
    return selected


def order_codes(orders):
    codes = []
    for i in range(len(orders)):
        codes.append(orders[i]["code"].upper())
    return codes


def valid_codes(codes):
    valid = []
    for code in codes:
        if re.fullmatch(r"[A-Z]{3}-\d{4}", code):
            valid.append(code)
    return valid


def price_of(prices, sku):
    try:
        price = prices[sku]
    except KeyError:
        price = 0.0
    return price
