#!/usr/bin/env bash
# How soon `ocindex serve` answers after it is launched, whatever narratives are stored
# (issue 18): a store holding a seed-like narrative whose DRUGS section is one run-on
# passage ("trafficking originating in Afghanistan and ..." repeated REPEATS times),
# started RUNS times. The first start publishes the flows (extracting the narrative);
# later starts read the extraction stored with the revision. Bounded: each start waits
# at most 10 s for an answer. Loopback only.
#
#   bench/load/serve_start.sh build/ci/ocindex
#
# Environment: REPEATS (default 1600), RUNS (default 3). Prints, per start, the
# milliseconds from launch to the first 200 of /healthz (the server answers), of
# /api/v1/editions (the editions loaded) and of /api/v1/flows (the flows published).
set -euo pipefail

OCINDEX=${1:?usage: $0 path/to/ocindex}
REPEATS=${REPEATS:-1600}
RUNS=${RUNS:-3}
command -v curl >/dev/null || { echo "$0: curl not found; run tools/setup.sh" >&2; exit 1; }

WORK=$(mktemp -d /tmp/ocindex-start-XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

{
  printf 'DRUGS\nAfghanistan is a source country for heroin. '
  for ((i = 0; i < REPEATS; i++)); do printf 'trafficking originating in Afghanistan and '; done
  printf 'elsewhere.\n'
} >"$WORK/afg.txt"
DB="$WORK/ocindex.db"
"$OCINDEX" --db "$DB" profile import "$WORK/afg.txt" --country AFG --edition 2021 --format text >/dev/null

now_ms() { date +%s%3N; }
# Polls a URL every 2 ms until it answers 200; prints the milliseconds since $1.
wait_200() {
  local start=$1 url=$2
  for _ in $(seq 5000); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$url") == 200 ]]; then
      echo $(($(now_ms) - start))
      return
    fi
    sleep 0.002
  done
  echo "timeout"
}

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
for ((run = 1; run <= RUNS; run++)); do
  start=$(now_ms)
  "$OCINDEX" --db "$DB" serve --port "$PORT" 2>"$WORK/serve.log" &
  SERVER_PID=$!
  alive=$(wait_200 "$start" "http://127.0.0.1:$PORT/healthz")
  editions=$(wait_200 "$start" "http://127.0.0.1:$PORT/api/v1/editions")
  flows=$(wait_200 "$start" "http://127.0.0.1:$PORT/api/v1/flows")
  echo "start $run ($REPEATS repeats, $(wc -c <"$WORK/afg.txt") bytes): answered after ${alive} ms," \
    "editions after ${editions} ms, flows after ${flows} ms"
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
done
