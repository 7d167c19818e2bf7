"""The reference uncertainty experiment as a straightforward vectorised NumPy program:
the baseline bench/uncertainty_vs_numpy.sh compares ocindex with.

GOCI 2025, 193 countries x 32 indicators. Per run: every score moves -0.5/0/+0.5 with
probability 1/4, 1/2, 1/4 (clamped to 1..10), every indicator weight is multiplied by
1 + U(-0.25, 0.25), criminality (mean of the markets and actors means) and resilience
(mean of its indicators) are recomputed and rounded to 2 decimals as published, both are
ranked (ties share the smaller rank) and every country's rank and score are tallied into
histograms, from which the 5-95 % intervals come. Runs go in batches, each batch one
set of array operations.

Usage: uncertainty_numpy.py DATA_DIR RUNS [INTERVALS_CSV]
Prints "numpy_runs_per_s=<float>" (data loading excluded, as in ocindex's figure) and
writes the criminality and resilience rank intervals when INTERVALS_CSV is given.
"""
import csv
import sys
import time
import tomllib

import numpy as np

BATCH = 1000


def load(data_dir):
    with open(f"{data_dir}/frameworks/goci-2025.toml", "rb") as f:
        framework = tomllib.load(f)
    nodes = {n["id"]: n for n in framework["node"]}
    ids = [i["id"] for i in framework["indicator"]]

    def averaging_node(group):  # the highest ancestor that averages indicators
        node = nodes[group]
        while node.get("parent") and nodes[node["parent"]].get("aggregate") == "indicators":
            node = nodes[node["parent"]]
        return node["id"]

    block = [averaging_node(i["group"]) for i in framework["indicator"]]
    with open(f"{data_dir}/editions/goci-2025.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    steps = np.array([[round(float(r[i]) * 2) for i in ids] for r in rows], dtype=np.int32)
    members = {b: np.array([k for k, x in enumerate(block) if x == b]) for b in set(block)}
    return [r["iso3"] for r in rows], steps, members


def run(steps, members, runs, seed=1):
    rng = np.random.default_rng(seed)
    n, m = steps.shape
    key_bins = 1002
    rank_hist = np.zeros((2, n * n), dtype=np.int64)
    key_hist = np.zeros((2, n * key_bins), dtype=np.int64)
    rows = np.arange(n)
    markets, actors, resilience = members["criminal_markets"], members["criminal_actors"], members["resilience"]
    for start in range(0, runs, BATCH):
        b = min(BATCH, runs - start)
        u = rng.random((b, n, m))
        s = np.clip(steps[None] + (u >= 0.75).astype(np.int32) - (u < 0.25), 2, 20).astype(np.float64)
        w = 1 + rng.uniform(-0.25, 0.25, (b, m))

        def mean(cols):
            return (s[:, :, cols] * w[:, None, cols]).sum(-1) / w[:, cols].sum(-1)[:, None]

        criminality = (mean(markets) + mean(actors)) / 2
        for p, value in enumerate((criminality, mean(resilience))):
            keys = np.floor(value * 50 + 0.5 + 1e-9).astype(np.int64)  # units of 0.01
            # rank = 1 + number of strictly greater keys, per run, by one flat searchsorted
            shifted = keys + np.arange(b)[:, None] * key_bins
            flat = np.sort(shifted, axis=1).ravel()
            ranks = n - (np.searchsorted(flat, shifted.ravel(), side="right") - np.repeat(np.arange(b) * n, n)) + 1
            rank_hist[p] += np.bincount((np.tile(rows, b) * n + ranks - 1), minlength=n * n)
            key_hist[p] += np.bincount((rows[None] * key_bins + keys).ravel(), minlength=n * key_bins)
    return rank_hist.reshape(2, n, n), key_hist.reshape(2, n, key_bins)


def quantile(hist, p):  # R type 7 from a histogram of values 1..len(hist)
    total = hist.sum()
    h = (total - 1) * p
    lo = int(np.floor(h))
    cum = np.cumsum(hist)
    at_lo = np.searchsorted(cum, lo + 1) + 1
    at_hi = np.searchsorted(cum, min(lo + 1, total - 1) + 1) + 1
    return at_lo + (h - lo) * (at_hi - at_lo)


def main():
    data_dir, runs = sys.argv[1], int(sys.argv[2])
    iso3, steps, members = load(data_dir)
    start = time.perf_counter()
    rank_hist, _ = run(steps, members, runs)
    elapsed = time.perf_counter() - start
    print(f"numpy_runs_per_s={runs / elapsed:.1f}")
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w", newline="") as f:
            out = csv.writer(f)
            out.writerow(["pillar", "iso3", "rank_q05", "rank_q95"])
            for p, pillar in enumerate(("criminality", "resilience")):
                for c, code in enumerate(iso3):
                    out.writerow([pillar, code, quantile(rank_hist[p, c], 0.05), quantile(rank_hist[p, c], 0.95)])


if __name__ == "__main__":
    main()
