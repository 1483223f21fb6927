"""A quote feed that a background thread fills, waited on by polling.

Runs on its own: python3 examples/async_service/quote_feed.py
"""
import threading


class QuoteFeed:
    def __init__(self):
        self.quotes = {}
        self.loaded = False

    def load(self, symbols):
        for symbol in symbols:
            self.quotes[symbol] = len(symbol) / 10
        self.loaded = True

    def wait_until_loaded(self):
        while not self.loaded:  # spins a core until the loader thread is done
            pass
        return self.quotes


if __name__ == "__main__":
    feed = QuoteFeed()
    threading.Thread(target=feed.load, args=(["apple", "kiwi", "plum"],)).start()
    print(feed.wait_until_loaded())
