#!/usr/bin/env bash
# How ocindex's cost grows with the number of units (issue 19, part 3): a synthetic
# index (bench/scaling/synthetic_index.py) at each size, every benchmark of
# bench/scaling_bench.cc on it in its own process (peak memory per size), then per
# benchmark the time per operation at each size, its spread over the repetitions, and
# the growth as log-log slopes (1 = linear, 2 = quadratic), against the 193-unit figure
# of the same run; the counting rank against a comparison sort of the same keys; and
# the goals: 10,000 units x 50 indicators at >= 5,000 runs/s on 2 threads, 100,000
# units within 8 GB. The API at the same sizes: bench/scaling/api_scaling.sh.
#
#   bench/scaling/scaling.sh [path/to/scaling_bench]   (default build/release/bench/scaling_bench)
#
# Environment: SIZES (default "193 1000 10000 100000"), INDICATORS (50), REPS (3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${1:-$ROOT/build/release/bench/scaling_bench}
SIZES=${SIZES:-193 1000 10000 100000}
INDICATORS=${INDICATORS:-50}
REPS=${REPS:-3}
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time (Debian package 'time')" >&2; exit 1; }
WORK=$(mktemp -d /tmp/ocindex-scaling-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $INDICATORS indicators; $REPS repetitions"
for units in $SIZES; do
  /usr/bin/python3 "$ROOT/bench/scaling/synthetic_index.py" "$units" "$INDICATORS" "$WORK/index-$units"
  OCINDEX_SYNTHETIC=$WORK/index-$units /usr/bin/time -f "%M" -o "$WORK/rss-$units" \
    "$BENCH" --benchmark_repetitions="$REPS" --benchmark_format=json >"$WORK/bench-$units.json"
  echo "$units units: done (peak $(($(cat "$WORK/rss-$units") / 1024)) MB)" >&2
done

/usr/bin/python3 - "$WORK" $SIZES <<'PY'
import json, math, sys
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
times, rates = {}, {}  # (benchmark, units) -> seconds per operation of each repetition; its rate counter
for units in sizes:
    for b in json.load(open(f"{work}/bench-{units}.json"))["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        name = b["run_name"].replace("/real_time", "")
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
        per = 1.0
        if "runs/s" in b:  # one operation = one model run
            per = b["runs/s"] * b["real_time"] * scale
        times.setdefault((name, units), []).append(b["real_time"] * scale / per)
        rates.setdefault((name, units), []).append(b.get("runs/s", b.get("units/s", 0)))
names = sorted({n for n, _ in times}, key=lambda n: [k for k, _ in times].index(n))
median = lambda v: sorted(v)[len(v) // 2]
print(f"\n{'benchmark':24} {'units':>7} {'per op (median)':>16} {'spread':>8} {'rate (median)':>15} {'slope':>6}")
for name in names:
    prev = None
    for units in sizes:
        t = times.get((name, units))
        if not t:
            continue
        m = median(t)
        spread = (max(t) - min(t)) / m * 100
        slope = "" if prev is None else f"{math.log(m / prev[1]) / math.log(units / prev[0]):.2f}"
        unit = "runs/s" if name.startswith(("BM_Uncertainty", "BM_Sensitivity")) else "units/s"
        print(f"{name:24} {units:>7} {m * 1e3:>13.4f} ms {spread:>7.1f}% {median(rates[(name, units)]):>12.0f} {unit[:-2]} {slope:>6}")
        prev = (units, m)
    pts = [(math.log(u), math.log(median(times[(name, u)]))) for u in sizes if (name, u) in times]
    if len(pts) > 1:
        mx, my = sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts)
        fit = sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)
        print(f"{name:24} {'all':>7} {'':>16} {'':>8} {'':>15} {fit:>6.2f}  (least-squares log-log slope vs {sizes[0]} units)")
print("\ncounting rank / comparison sort of the same keys (time ratio, lower is better):")
for units in sizes:
    c, s = times.get(("BM_RankKeys/1", units)), times.get(("BM_RankKeys/0", units))
    if c and s:
        print(f"  {units:>7} units: {median(c) / median(s):.3f}  ({median(s) / median(c):.1f}x faster)")
print("\ngoals:")
if ("BM_Uncertainty", 10000) in rates:
    r = median(rates[("BM_Uncertainty", 10000)])
    print(f"  10,000 units x 50 indicators, 2 threads: {r:,.0f} runs/s (goal >= 5,000): {'met' if r >= 5000 else 'NOT met'}")
for units in sizes:
    kb = int(open(f"{work}/rss-{units}").read())
    note = f" (goal <= 8 GB: {'met' if kb <= 8 * 1024 * 1024 else 'NOT met'})" if units >= 100000 else ""
    print(f"  peak memory at {units:>7} units: {kb / 1024:,.0f} MB{note}")
PY
