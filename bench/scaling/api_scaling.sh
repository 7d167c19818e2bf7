#!/usr/bin/env bash
# How the API's cost grows with the number of units (issue 19, part 3): at each size a
# synthetic index (synthetic_index.py; beyond the 193 countries its units are listed in a
# unit file), imported into a new SQLite store (`ocindex import --framework --units`,
# timed, after the store is created with the bundled editions), served by `ocindex
# serve` on a free loopback port (the time until it listens), then per endpoint the
# first response (computed) and the median of REQUESTS cached ones (for "another-unit",
# a second unit's profile after the first's: what each further unit costs; "ranks-page",
# 1,000 ranks from the middle of the list), timed by curl, each
# bounded by MAX_TIME seconds. Prints a table with the log-log slopes (1 = linear)
# between successive sizes and fitted over all of them.
#
#   bench/scaling/api_scaling.sh [path/to/ocindex]   (default build/release/ocindex)
#
# Environment: SIZES (default "193 1000 10000 100000"), INDICATORS (50), REQUESTS (9),
# MAX_TIME (900 s per request), START_WAIT (600 s for the server to listen).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OCINDEX=${1:-$ROOT/build/release/ocindex}
SIZES=${SIZES:-193 1000 10000 100000}
INDICATORS=${INDICATORS:-50}
REQUESTS=${REQUESTS:-9}
MAX_TIME=${MAX_TIME:-900}
export START_WAIT=${START_WAIT:-600}
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time (Debian package 'time')" >&2; exit 1; }
WORK=$(mktemp -d /tmp/ocindex-api-scaling-XXXXXX)
SERVER_PID=
stop_server() {
  if [[ -n $SERVER_PID ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap 'stop_server; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
source "$ROOT/bench/load/start_serve.sh"

# One request: "seconds bytes status", or "timeout 0 0" after MAX_TIME.
timed_get() {
  local out
  if out=$(curl -s -o /dev/null --max-time "$MAX_TIME" -w '%{time_total} %{size_download} %{http_code}' "$1"); then
    echo "$out"
  else
    echo "timeout 0 0"
  fi
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $INDICATORS indicators; $REQUESTS cached requests; $OCINDEX"
results=$WORK/results.txt
for units in $SIZES; do
  prefix=$WORK/index-$units
  /usr/bin/python3 "$ROOT/bench/scaling/synthetic_index.py" "$units" "$INDICATORS" "$prefix"
  db=$WORK/api-$units.db
  "$OCINDEX" --db "$db" editions >/dev/null  # the store, filled with the bundled editions
  units_option=()
  [[ -f $prefix.units.csv ]] && units_option=(--units "$prefix.units.csv")
  /usr/bin/time -f "%e %M" -o "$WORK/import-$units.time" \
    "$OCINDEX" --db "$db" import "$prefix.csv" --framework "$prefix.toml" "${units_option[@]}" >/dev/null
  read -r seconds kb <"$WORK/import-$units.time"
  echo "$units import - $seconds 0 200" >>"$results"
  echo "$units import-rss - $((kb * 1024)) 0 200" >>"$results"

  start=$(date +%s.%N)
  start_serve "$OCINDEX" "$WORK/serve-$units.log" "$db"
  echo "$units serve-start - $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}') 0 200" >>"$results"
  code=$(sed -n "$(((units + 1) / 2 + 1))p" "$prefix.csv" | cut -d, -f1)  # the middle unit
  other=$(sed -n 2p "$prefix.csv" | cut -d, -f1)                          # the first: another unit after it
  for endpoint in "ranks /api/v1/editions/2030/ranks?measure=criminality" \
                  "ranks-page /api/v1/editions/2030/ranks?measure=criminality&limit=1000&offset=$((units / 2))" \
                  "unit /api/v1/editions/2030/countries/$code" \
                  "another-unit /api/v1/editions/2030/countries/$other" \
                  "uncertainty /api/v1/editions/2030/uncertainty" \
                  "search /api/v1/countries?q=unit%2042"; do
    read -r name path <<<"$endpoint"
    echo "$units $name first $(timed_get "$URL$path")" >>"$results"
    for _ in $(seq "$REQUESTS"); do echo "$units $name cached $(timed_get "$URL$path")" >>"$results"; done
  done
  echo "$units server-rss - $(awk '/VmHWM/ {print $2 * 1024}' "/proc/$SERVER_PID/status") 0 200" >>"$results"
  stop_server
  echo "$units units: done" >&2
done

/usr/bin/python3 - "$results" $SIZES <<'PY'
import math, sys
rows, sizes = {}, [int(s) for s in sys.argv[2:]]
for line in open(sys.argv[1]):
    units, what, call, seconds, size, status = line.split()
    rows.setdefault((what, call), {}).setdefault(int(units), []).append((seconds, float(size), status))
median = lambda v: sorted(v)[len(v) // 2]
print(f"\n{'measure':22} {'call':7} " + " ".join(f"{u:>11}" for u in sizes) + "   log-log slopes (successive; fitted)")
for (what, call), by_size in rows.items():
    cells, points = [], []
    for u in sizes:
        got = by_size.get(u, [])
        if not got or any(st != "200" for _, _, st in got):
            cells.append(f"{'timeout' if any(s == 'timeout' for s, _, _ in got) else 'failed':>11}")
            continue
        v = median([float(s) for s, _, _ in got])
        if what.endswith("rss"):
            cells.append(f"{v / 2**20:>8.0f} MB")
        else:
            cells.append(f"{v * 1e3:>8.1f} ms" if v < 10 else f"{v:>9.1f} s")
        points.append((u, v))
    slopes = [math.log(b[1] / a[1]) / math.log(b[0] / a[0]) for a, b in zip(points, points[1:]) if a[1] > 0 and b[1] > 0]
    fit = ""
    if len(points) > 2 and all(v > 0 for _, v in points):
        xs, ys = [math.log(u) for u, _ in points], [math.log(v) for _, v in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        fit = f"; {sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs):.2f}"
    print(f"{what:22} {call:7} " + " ".join(cells) + "   " + ", ".join(f"{s:.2f}" for s in slopes) + fit)
body = rows.get(("ranks", "first"), {})
print("\nranks body: " + ", ".join(f"{u}: {median([b for _, b, _ in body[u]]) / 1e6:.2f} MB" for u in sizes if u in body))
PY
