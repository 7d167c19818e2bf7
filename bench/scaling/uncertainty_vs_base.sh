#!/usr/bin/env bash
# The uncertainty analysis on 10,000 units x 50 indicators on 2 threads (issue 19, part
# 3: >= 5,000 runs/s), this build against an earlier one in the same run: the
# BM_Uncertainty benchmark of bench/scaling_bench.cc (4,000 runs an analysis) on one
# synthetic index (bench/scaling/synthetic_index.py), the two binaries taking turns
# ROUNDS times (the first to go alternating), so a change in the machine's load hits
# both alike. Prints runs/s and peak memory of each in each round, the ratio per round,
# and per binary the median and spread.
#
#   BASE=main bench/scaling/uncertainty_vs_base.sh [path/to/scaling_bench]
#
# BASE: a scaling_bench binary, or a commit (branch, tag) whose scaling_bench the script
# builds first (git archive into a temporary folder, the release preset: minutes, most
# of the libraries). Without BASE only this build is measured. Environment: UNITS
# (10000), INDICATORS (50), ROUNDS (5), MIN_TIME (seconds of analyses per measurement, 2).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=${1:-$ROOT/build/release/bench/scaling_bench}
BASE=${BASE:-}
UNITS=${UNITS:-10000}
INDICATORS=${INDICATORS:-50}
ROUNDS=${ROUNDS:-5}
MIN_TIME=${MIN_TIME:-2}
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time (Debian package 'time')" >&2; exit 1; }
WORK=$(mktemp -d /tmp/ocindex-uncertainty-vs-base-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if [[ -n $BASE && ! -x $BASE ]]; then
  echo "building scaling_bench of $BASE..." >&2
  mkdir "$WORK/base"
  git -C "$ROOT" archive "$BASE" | tar -x -C "$WORK/base"
  (cd "$WORK/base" && nice cmake --preset release >/dev/null && nice cmake --build --preset release --target scaling_bench >/dev/null)
  BASE=$WORK/base/build/release/bench/scaling_bench
fi
NAMES=(this) BINARIES=("$BENCH")
[[ -n $BASE ]] && NAMES+=(base) BINARIES+=("$BASE")
/usr/bin/python3 "$ROOT/bench/scaling/synthetic_index.py" "$UNITS" "$INDICATORS" "$WORK/index"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before; $UNITS units x $INDICATORS indicators, 2 threads"
for ((round = 1; round <= ROUNDS; ++round)); do
  for ((turn = 0; turn < ${#NAMES[@]}; ++turn)); do
    t=$(((turn + round) % ${#NAMES[@]}))
    OCINDEX_SYNTHETIC=$WORK/index /usr/bin/time -f "%M" -o "$WORK/rss-${NAMES[t]}-$round" \
      "${BINARIES[t]}" --benchmark_filter='^BM_Uncertainty' --benchmark_min_time="$MIN_TIME" \
      --benchmark_format=json >"$WORK/${NAMES[t]}-$round.json"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/python3 - "$WORK" "$ROUNDS" "${NAMES[@]}" <<'PY'
import json, sys
work, rounds, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def rate(name, r):
    b = [b for b in json.load(open(f"{work}/{name}-{r}.json"))["benchmarks"] if b.get("run_type") == "iteration"]
    return b[0]["runs/s"]
rss = lambda name, r: int(open(f"{work}/rss-{name}-{r}").read()) / 1024
rates = {n: [rate(n, r) for r in range(1, rounds + 1)] for n in names}
median = lambda v: sorted(v)[len(v) // 2]
print(f"\n{'round':>5} " + " ".join(f"{n + ' runs/s':>12} {'peak MB':>8}" for n in names) + ("   this/base" if len(names) > 1 else ""))
for r in range(rounds):
    row = " ".join(f"{rates[n][r]:>12,.0f} {rss(n, r + 1):>8,.0f}" for n in names)
    print(f"{r + 1:>5} {row}" + (f"   {rates['this'][r] / rates['base'][r]:>9.2f}" if len(names) > 1 else ""))
for n in names:
    v = rates[n]
    print(f"{n}: median {median(v):,.0f} runs/s, spread {min(v):,.0f}-{max(v):,.0f} ({(max(v) - min(v)) / median(v) * 100:.0f} %)")
if len(names) > 1:
    ratios = [a / b for a, b in zip(rates["this"], rates["base"])]
    print(f"this/base: median {median(ratios):.2f}, spread {min(ratios):.2f}-{max(ratios):.2f}")
goal = median(rates["this"])
print(f"goal >= 5,000 runs/s: {'met' if goal >= 5000 else 'NOT met'} ({goal:,.0f}, this machine and load)")
PY
