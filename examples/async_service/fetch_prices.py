"""Fetches prices from a (simulated) quote service, with the async mistakes perfhint reports.

Runs on its own: python3 examples/async_service/fetch_prices.py
"""
import asyncio
import time

QUOTES = {"apple": 1.20, "kiwi": 0.45, "plum": 0.80, "pear": 0.95}
audit_log = []


async def fetch_price(symbol):
    await asyncio.sleep(0.01)  # stands for a request to the quote service
    return QUOTES[symbol]


async def record(event):
    await asyncio.sleep(0)
    audit_log.append(event)


async def fetch_with_backoff(symbol, attempts=3):
    for attempt in range(attempts):
        try:
            return await fetch_price(symbol)
        except KeyError:
            time.sleep(0.05 * attempt)  # blocks every other request while it waits
    return None


async def price_list(symbols):
    prices = {}
    for symbol in symbols:
        prices[symbol] = await fetch_price(symbol)  # one request at a time
    record("price_list")  # never runs: nothing awaits it
    return prices


async def refresh_forever(symbols):
    while True:
        await price_list(symbols)
        await asyncio.sleep(60)


async def main():
    asyncio.create_task(refresh_forever(["apple"]))  # the task may be collected mid-flight
    prices = await price_list(list(QUOTES))
    print(prices, await fetch_with_backoff("kiwi"))


if __name__ == "__main__":
    asyncio.run(main())
