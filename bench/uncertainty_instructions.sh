#!/usr/bin/env bash
# Instructions a run of the reference experiment takes, stage by stage, counted by
# callgrind: the same figures on any x86-64 machine for the same binary, whatever else
# it runs (a busy or shared machine moves the runs/s of uncertainty_bench by tens of per
# cent, not these). Each binary runs ReferenceExperiment/1/1 (200,000 runs, one thread)
# once; a second binary, the baseline (say, the previous head's), is counted in the same
# run and the ratio printed.
#
#   bench/uncertainty_instructions.sh build/release/bench/uncertainty_bench [baseline uncertainty_bench]
#
# Instructions are not time: a stall on memory or a dependency costs cycles, not
# instructions. Use them to see where the work is and what a change removed; time with
# bench/uncertainty_speed.sh.
set -euo pipefail

command -v valgrind >/dev/null || { echo "uncertainty_instructions: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
WORK=$(mktemp -d /tmp/ocindex-instructions-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

count() {  # binary, output file
  echo "counting $1 (about a minute)..." >&2
  valgrind --tool=callgrind --callgrind-out-file="$2.out" "$1" --benchmark_filter='BM_ReferenceExperiment/1/1/' \
    --benchmark_min_time=0.01 --benchmark_format=json >"$2.json" 2>"$2.log"
  callgrind_annotate --threshold=100 "$2.out" >"$2"
}

count "$1" "$WORK/new"
[[ $# -eq 2 ]] && count "$2" "$WORK/base"

/usr/bin/python3 - "$WORK" $# <<'PY'
import json, re, sys
work, binaries = sys.argv[1], int(sys.argv[2])
def runs_of(path):
    # The runs the benchmark made, from its own report: runs/s times the seconds it ran.
    b = next(b for b in json.load(open(path))["benchmarks"] if b.get("run_type") == "iteration")
    return round(b["runs/s"] * b["real_time"] / 1e3 * b["iterations"])
# Stage of a function, by the first pattern its name matches.
STAGES = [
    ("block sums", r"BlockSums|EvaluateGeneral"),
    ("noise words", r"FillNoiseWords"),
    ("ranks", r"Ranker::Rank|PrefixSum|KeyRange|memset"),
    ("tallies and quadrants", r"RunUncertainty.*lambda|CountHigh|Worker"),
    ("pillar keys", r"PillarKeys"),
    ("parameters and weights", r"DrawMultipliers|DrawParameters|InputSampler|FastEvaluator::Evaluate"),
]
def stages(path):
    totals = {name: 0 for name, _ in STAGES}
    totals["the rest (setup, summaries)"] = 0
    for line in open(path):
        m = re.match(r"\s*([\d,]+) \([ \d.]+%\)\s+\S*?:(.*)", line)
        if not m or "PROGRAM TOTALS" in line:
            continue
        n, function = int(m.group(1).replace(",", "")), m.group(2)
        name = next((s for s, pattern in STAGES if re.search(pattern, function)), "the rest (setup, summaries)")
        totals[name] += n
    return totals
runs = runs_of(f"{work}/new.json")
if binaries == 2 and runs_of(f"{work}/base.json") != runs:
    sys.exit("uncertainty_instructions: the two binaries ran different numbers of runs")
new = stages(f"{work}/new")
base = stages(f"{work}/base") if binaries == 2 else None
print(f"instructions a run, reference experiment ({runs:,} runs, 1 thread; callgrind):")
print(f"  {'stage':30} {'this':>9}" + (f" {'baseline':>9} {'ratio':>6}" if base else ""))
for name in new:
    line = f"  {name:30} {new[name] / runs:>9,.0f}"
    if base:
        line += f" {base[name] / runs:>9,.0f} {new[name] / base[name] if base[name] else float('nan'):>6.2f}"
    print(line)
total = sum(new.values())
line = f"  {'total':30} {total / runs:>9,.0f}"
if base:
    line += f" {sum(base.values()) / runs:>9,.0f} {total / sum(base.values()):>6.2f}"
print(line)
PY
