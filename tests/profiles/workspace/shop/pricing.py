"""Prices for the profile tests: the hand-made profiles beside this folder describe a run of it."""
import re


def traced(function):
    return function


def parse(rows):
    prices = {}
    for row in rows:
        match = re.match(r"(\w+)=(\d+)", row)
        prices[match.group(1)] = int(match.group(2))
    return prices


@traced
def weekend_orders(days):
    count = 0
    for day in days:
        if day in ["sat", "sun"]:
            count += 1
    return count


def never_called(days):
    for day in days:
        if day in ["mon", "tue"]:
            return day
    return None


def main():
    prices = parse(["a=1", "b=2"] * 1000)
    print(len(prices), weekend_orders(["sat", "mon"] * 1000))


for attempt in range(3):
    if attempt in [0, 1]:
        main()
