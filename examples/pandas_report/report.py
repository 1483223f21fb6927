"""A monthly sales report over a CSV export, written with the pandas idioms perfhint reports.

Run it with `python3 examples/pandas_report/report.py`: it writes a small sample export to a
temporary directory first, so it needs nothing but pandas and NumPy.
"""
import os
import random
import tempfile

import numpy as np
import pandas as pd

REGIONS = ["north", "south", "east", "west"]
STATUSES = ["paid", "open", "refunded"]


def write_sample_export(path, rows=2000):
    rng = random.Random(7)
    with open(path, "w") as out:
        out.write("order_id,region,status,price,qty,customer\n")
        for order_id in range(rows):
            out.write(
                f"{order_id},{rng.choice(REGIONS)},{rng.choice(STATUSES)},"
                f"{rng.randint(100, 5000) / 100},{rng.randint(1, 9)}, Customer {order_id % 97} \n"
            )


def load_orders(path):
    orders = pd.read_csv(path)
    orders["customer"] = orders["customer"].apply(lambda name: name.strip().title())
    orders["gross"] = orders.apply(lambda row: row.price * row.qty, axis=1)
    return orders


def status_counts(path):
    orders = pd.read_csv(path)
    counts = orders["status"].value_counts()
    open_orders = orders[orders["status"] == "open"]
    return counts, len(open_orders)


def paid_revenue_by_region(orders: pd.DataFrame):
    revenue = {}
    for _, row in orders.iterrows():
        if row["status"] == "paid":
            revenue[row["region"]] = revenue.get(row["region"], 0.0) + row["gross"]
    return revenue


def weekly_totals(orders: pd.DataFrame, weeks=8):
    table = pd.DataFrame()
    for week in range(weeks):
        part = orders[orders["order_id"] % weeks == week]
        summary = pd.DataFrame({"week": [week], "gross": [part["gross"].sum()]})
        table = pd.concat([table, summary], ignore_index=True)
    return table


def large_order_sizes(orders: pd.DataFrame):
    sizes = np.empty(0)
    for qty in orders["qty"]:
        if qty > 6:
            sizes = np.append(sizes, qty)
    return sizes


def main():
    path = os.path.join(tempfile.mkdtemp(), "orders.csv")
    write_sample_export(path)
    orders = load_orders(path)
    counts, open_count = status_counts(path)
    print(counts.to_string())
    print("open:", open_count)
    for region, revenue in sorted(paid_revenue_by_region(orders).items()):
        print(f"{region:>6} {revenue:10.2f}")
    print(weekly_totals(orders).to_string(index=False))
    print("large orders:", len(large_order_sizes(orders)))


if __name__ == "__main__":
    main()
