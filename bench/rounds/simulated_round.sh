#!/usr/bin/env bash
# The simulated round (193 countries x every 2025 indicator, 60 experts, 3 per cell:
# 18,528 first drafts, then review, challenges, settlement and publication) through
# the HTTP API, RUNS times on a new SQLite file and on a new PostgreSQL database (a
# throwaway cluster from tools/postgres_cluster.sh), with CLIENTS concurrent clients.
#
#   bench/rounds/simulated_round.sh build/release/bench/simulated_round_bench
#
# Environment: RUNS (default 3), CLIENTS (default 20). Prints one JSON line per run and
# the median of each backend's figures, with PostgreSQL's over SQLite's as a ratio.
set -euo pipefail

BENCH=${1:?usage: $0 path/to/simulated_round_bench}
RUNS=${RUNS:-3}
CLIENTS=${CLIENTS:-20}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/ocindex-round-XXXXXX)
PG=$(mktemp -d /tmp/ocindex-round-pg.XXXXXX)  # its own folder, which the script hands to the postgres user
trap '"$ROOT/tools/postgres_cluster.sh" stop "$PG" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
# Commits reach the disk on both backends (SQLite's synchronous=FULL; PostgreSQL's fsync).
SERVER=$(OCINDEX_PG_FSYNC=on "$ROOT/tools/postgres_cluster.sh" start "$PG")

run() {  # backend, run number -> a JSON line
  local db
  if [[ $1 == sqlite ]]; then
    db="$WORK/round-$2.db"
  else
    psql "$SERVER" -qc "CREATE DATABASE round_$2" >/dev/null
    db="${SERVER/\/postgres\?/\/round_$2?}"
  fi
  "$BENCH" "$db" "$CLIENTS" | sed "s/^{/{\"backend\":\"$1\",/"
}

for i in $(seq 1 "$RUNS"); do
  for backend in sqlite postgresql; do run "$backend" "$i"; done
done | tee "$WORK/runs.jsonl"

python3 - "$WORK/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(line) for line in open(sys.argv[1])]
keys = ["drafts_seconds", "drafts_per_second", "draft_p50_ms", "draft_p99_ms", "publish_seconds"]
medians = {}
for backend in ("sqlite", "postgresql"):
    rows = [r for r in runs if r["backend"] == backend]
    medians[backend] = {k: statistics.median(r[k] for r in rows) for k in keys}
    spread = {k: (min(r[k] for r in rows), max(r[k] for r in rows)) for k in keys}
    print(backend, "median", {k: round(v, 3) for k, v in medians[backend].items()})
    print(backend, "min..max", {k: (round(a, 3), round(b, 3)) for k, (a, b) in spread.items()})
print("postgresql/sqlite", {k: round(medians["postgresql"][k] / medians["sqlite"][k], 2) for k in keys})
PY
