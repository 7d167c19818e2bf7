#!/usr/bin/env bash
# The import of the three bundled editions (193 countries each) into a new store, on
# SQLite and on PostgreSQL in one run: the first command on a new store parses the
# bundled data and stores it (Store::FillIfEmpty). Each run also times the same command
# on the filled store, the cost of starting and reading without the import.
#
#   bench/store/first_fill.sh build/release/ocindex postgresql:///postgres?host=/tmp/pg
#
# The PostgreSQL server must let the caller create databases (one per run, dropped
# after). Environment: RUNS (default 5). Prints each run's seconds and the median.
set -euo pipefail

OCINDEX=${1:?usage: $0 path/to/ocindex postgresql-server-uri}
SERVER=${2:?usage: $0 path/to/ocindex postgresql-server-uri}
RUNS=${RUNS:-5}
WORK=$(mktemp -d /tmp/ocindex-fill-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

seconds() {  # runs a command, prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# postgresql:///postgres?host=H&user=U -> the same with another database name.
with_database() { echo "$SERVER" | sed -E "s#^(postgres(ql)?://[^/]*/)[^?]*#\1$1#"; }

for backend in sqlite postgresql; do
  : >"$WORK/fill" ; : >"$WORK/open"
  for run in $(seq "$RUNS"); do
    if [[ $backend == sqlite ]]; then
      db="$WORK/run-$run.db"
    else
      name="ocx_fill_$$_$run"
      psql -q "$SERVER" -c "CREATE DATABASE $name" >/dev/null
      db=$(with_database "$name")
    fi
    seconds "$OCINDEX" --db "$db" editions >>"$WORK/fill"
    seconds "$OCINDEX" --db "$db" editions >>"$WORK/open"
    [[ $backend == postgresql ]] && psql -q "$SERVER" -c "DROP DATABASE $name" >/dev/null
  done
  printf '%-10s import of 3 editions (new store): median %.3f s  [%s]\n' "$backend" \
    "$(median <"$WORK/fill")" "$(tr '\n' ' ' <"$WORK/fill" | sed 's/ $//')"
  printf '%-10s same command, store filled:       median %.3f s  [%s]\n' "$backend" \
    "$(median <"$WORK/open")" "$(tr '\n' ' ' <"$WORK/open" | sed 's/ $//')"
done
