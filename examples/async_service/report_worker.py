"""Report worker of the async service: fetches the shard summaries, checks and scores them, and
writes the report as JSON lines.

The shards are local files, read through `file://` URLs, so the worker runs without a network:
    python3 examples/async_service/report_worker.py
"""

import asyncio
import json
import pathlib
import tempfile
from concurrent.futures import ThreadPoolExecutor
from urllib.request import urlopen


def fetch_shards(urls):
    shards = []
    for url in urls:
        # One request after another: each waits for the previous answer.
        with urlopen(url) as response:
            shards.append(json.load(response))
    return shards


def checksum(values):
    total = 0
    for value in values:
        total = (total * 31 + value) % 1_000_003
    return total


def checksums(batches):
    # Threads that only compute take turns on the interpreter lock.
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(checksum, batches))


async def best_sale(rows):
    # Never awaits: it holds the event loop until the loop below is done.
    best = 0
    for row in rows:
        best = max(best, row["amount"] * row["quantity"])
    return best


def best_sales(shards):
    # A new event loop for every shard.
    return [asyncio.run(best_sale(shard["rows"])) for shard in shards]


def to_json_lines(rows):
    return "\n".join(json.dumps(row) for row in rows)


def write_shards(folder, count, rows_per_shard):
    urls = []
    for shard in range(count):
        rows = [
            {"id": i, "amount": (i + shard) % 7, "quantity": shard + 1}
            for i in range(rows_per_shard)
        ]
        path = pathlib.Path(folder, f"shard{shard}.json")
        with path.open("w") as handle:
            json.dump({"shard": shard, "rows": rows}, handle)
        urls.append(path.as_uri())
    return urls


def main():
    with tempfile.TemporaryDirectory() as folder:
        shards = fetch_shards(write_shards(folder, 3, 50))
    sums = checksums([[row["amount"] for row in shard["rows"]] for shard in shards])
    best = best_sales(shards)
    report = to_json_lines(
        {"shard": shard["shard"], "checksum": total, "best": top}
        for shard, total, top in zip(shards, sums, best)
    )
    print(report)


if __name__ == "__main__":
    main()
