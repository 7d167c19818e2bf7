#!/usr/bin/env bash
# The uncertainty engine's figures of issue 19, each beside its baseline from the same
# run: build/release/bench/uncertainty_bench repeated (median and spread of runs/s) for
# the reference experiment and the expert bootstrap (2025, 4 experts a cell), fast path
# against the general path, 1 and 2 threads, and COINr's ASEM sensitivity analysis (COINr:
# about 645 s); then the reference experiment's whole process at 10^6 runs against the
# NumPy baseline (bench/uncertainty_vs_numpy.sh).
#
#   bench/uncertainty_speed.sh [build dir]        (default build/release)
#
# Environment: REPS (default 5), RUNS (default 1000000).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/release}
REPS=${REPS:-5}
WORK=$(mktemp -d /tmp/ocindex-uncertainty-speed-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the run"
"$BUILD/bench/uncertainty_bench" --benchmark_repetitions="$REPS" --benchmark_format=json >"$WORK/bench.json"
/usr/bin/python3 - "$WORK/bench.json" <<'PY'
import json, sys
runs = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("run_type") == "iteration":
        runs.setdefault(b["run_name"].replace("/real_time", ""), []).append(b)
median = lambda v: sorted(v)[len(v) // 2]
def rate(name):
    return median([b["runs/s"] for b in runs[name]])
def line(name, what):
    rates = [b["runs/s"] for b in runs[name]]
    print(f"  {what:44} {median(rates):>11,.0f} runs/s  (spread {min(rates):,.0f}-{max(rates):,.0f}, {len(rates)} runs)")
for title, bench in (("reference experiment", "BM_ReferenceExperiment"), ("expert bootstrap, 4 experts a cell", "BM_ExpertBootstrap")):
    print(f"\n{title} (2025, 193 countries x 32 indicators):")
    for args, what in (("1/1", "fast path, 1 thread"), ("2/1", "fast path, 2 threads"), ("1/0", "general path, 1 thread"), ("2/0", "general path, 2 threads")):
        if f"{bench}/{args}" in runs:
            line(f"{bench}/{args}", what)
    print(f"  fast / general, 1 thread: {rate(bench + '/1/1') / rate(bench + '/1/0'):.1f}x")
    if f"{bench}/2/0" in runs:
        print(f"  fast / general, 2 threads: {rate(bench + '/2/1') / rate(bench + '/2/0'):.1f}x")
    print(f"  2 threads / 1 thread (fast): {rate(bench + '/2/1') / rate(bench + '/1/1'):.2f}x")
print("\nCOINr ASEM sensitivity, 6,000 runs + indices + 1,000 bootstrap resamples (COINr: about 645 s):")
for threads in (1, 2):
    ms = [b["real_time"] for b in runs[f"BM_AsemSensitivity6000Runs/{threads}"]]
    print(f"  {threads} thread{'s' if threads > 1 else ' '}: {median(ms):.0f} ms (spread {min(ms):.0f}-{max(ms):.0f}); {645e3 / median(ms):,.0f}x COINr")
PY
echo
echo "reference experiment, whole process, against NumPy:"
RUNS=${RUNS:-1000000} "$ROOT/bench/uncertainty_vs_numpy.sh" "$BUILD/ocindex"
