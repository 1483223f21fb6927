"""A catalogue report with slow idioms, to try profile-guided hints on.

    python3 -m cProfile -o catalog.prof catalog.py
    perfhint hotspots catalog.prof
"""
import re


def load_rows(count):
    rows = []
    for i in range(count):
        rows.append(f"item-{i},{i % 97},{'red' if i % 3 else 'blue'}")
    return rows


def parse_prices(rows):
    prices = {}
    for row in rows:
        match = re.match(r"item-(\d+),(\d+),(\w+)", row)
        prices[int(match.group(1))] = int(match.group(2))
    return prices


def find_discontinued(prices):
    discontinued = [code for code in range(0, len(prices), 7)]
    found = []
    for code in prices:
        if code in discontinued:
            found.append(code)
    return found


def ways_to_pay(amount):
    if amount < 2:
        return 1
    return ways_to_pay(amount - 1) + ways_to_pay(amount - 2)


def rarely_used(rows):
    for row in rows:
        if row in ["item-1", "item-2"]:
            return row
    return None


def main():
    rows = load_rows(20000)
    prices = parse_prices(rows)
    print(len(find_discontinued(prices)), ways_to_pay(18))


if __name__ == "__main__":
    main()
