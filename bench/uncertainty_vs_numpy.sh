#!/usr/bin/env bash
# The reference uncertainty experiment (GOCI 2025; see bench/uncertainty_numpy.py) in
# ocindex and in a straightforward vectorised NumPy implementation, in one run. Prints
# model runs per second of both, the ratio, and how far the two sets of 5-95 % rank
# intervals lie apart (different random numbers, same method: expect well under a rank).
#
#   bench/uncertainty_vs_numpy.sh [path/to/ocindex]     (default build/release/ocindex, else build/ci/ocindex)
#
# Environment: RUNS (ocindex, default 2000000), NUMPY_RUNS (default 20000), THREADS (0 = all).
# Uses Debian's /usr/bin/python3, the one that sees python3-numpy.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OCINDEX=${1:-}
if [[ -z $OCINDEX ]]; then
  OCINDEX=$ROOT/build/release/ocindex
  [[ -x $OCINDEX ]] || OCINDEX=$ROOT/build/ci/ocindex
fi
RUNS=${RUNS:-2000000}
NUMPY_RUNS=${NUMPY_RUNS:-20000}
THREADS=${THREADS:-0}
PYTHON=/usr/bin/python3
"$PYTHON" -c "import numpy" 2>/dev/null || { echo "$0: $PYTHON cannot import numpy; run tools/setup.sh" >&2; exit 1; }

WORK=$(mktemp -d /tmp/ocindex-uncertainty-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# ocindex reports its own runs/s on stderr (analysis only, like the NumPy figure); the
# whole process (start, load, analysis, output) is timed here. The store is filled
# first: its one-time seeding is not part of an analysis.
"$OCINDEX" --db "$WORK/ocindex.db" editions >/dev/null
START=$(date +%s.%N)
"$OCINDEX" --db "$WORK/ocindex.db" uncertainty --edition 2025 --runs "$RUNS" --threads "$THREADS" --format csv \
  >"$WORK/ocindex.csv" 2>"$WORK/ocindex.log"
PROCESS_RATE=$(echo "$RUNS / ($(date +%s.%N) - $START)" | bc -l)
OCINDEX_RATE=$(sed -n 's/.*(\([0-9.]*\) runs\/s.*/\1/p' "$WORK/ocindex.log")
NUMPY_RATE=$("$PYTHON" "$ROOT/bench/uncertainty_numpy.py" "$ROOT/data" "$NUMPY_RUNS" "$WORK/numpy.csv" |
  sed -n 's/numpy_runs_per_s=//p')

"$PYTHON" - "$WORK/ocindex.csv" "$WORK/numpy.csv" <<'PY'
import csv, sys
mine = {(r["pillar"], r["iso3"]): r for r in csv.DictReader(open(sys.argv[1]))}
diffs = [abs(float(mine[(r["pillar"], r["iso3"])][q]) - float(r[q]))
         for r in csv.DictReader(open(sys.argv[2])) for q in ("rank_q05", "rank_q95")]
print(f"interval agreement: mean |difference| of 5%/95% rank bounds {sum(diffs) / len(diffs):.3f} ranks, "
      f"largest {max(diffs):.1f}")
PY
cat "$WORK/ocindex.log"
echo "ocindex: ${OCINDEX_RATE} runs/s (${RUNS} runs, analysis); $(printf '%.0f' "$PROCESS_RATE") runs/s (whole process)"
echo "numpy:   ${NUMPY_RATE} runs/s (${NUMPY_RUNS} runs)"
awk -v a="$OCINDEX_RATE" -v p="$PROCESS_RATE" -v b="$NUMPY_RATE" \
  'BEGIN { printf "ratio ocindex/numpy: %.1fx (analysis), %.1fx (whole process)\n", a / b, p / b }'
