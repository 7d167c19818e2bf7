#!/usr/bin/env bash
# Memory of `ocindex serve` under client-chosen query strings (issue 18): N requests
# with an undocumented parameter (`scores?x=i`, answered 400 and never cached) and N
# distinct valid what-if queries (each a 200 the cache keeps until its byte budget
# makes room), then the server's resident memory. Loopback only; bounded (2N requests
# over one keep-alive connection per batch).
#
#   bench/load/cache_rss.sh build/ci/ocindex
#
# Environment: N (default 10000). Prints VmRSS after start, after the 400s and after
# the 200s, and the request rate of each batch.
set -euo pipefail
. "$(dirname "$0")/start_serve.sh"

OCINDEX=${1:?usage: $0 path/to/ocindex}
N=${N:-10000}
command -v curl >/dev/null || { echo "$0: curl not found; run tools/setup.sh" >&2; exit 1; }

WORK=$(mktemp -d /tmp/ocindex-rss-XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

start_serve "$OCINDEX" "$WORK/serve.log" "$WORK/ocindex.db"
curl -sf "$URL/api/v1/editions/2021/scores" -o /dev/null  # the editions loaded

rss() { awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$SERVER_PID/status"; }
# Requests every URL of a file over one connection; prints how many of each status.
batch() {
  local start end
  start=$(date +%s%N)
  sed 's/^.*$/url = "&"\noutput = "\/dev\/null"/' "$1" | curl -s -K - -w '%{http_code}\n' | sort | uniq -c | tr '\n' ' '
  end=$(date +%s%N)
  echo "($(( $(wc -l <"$1") * 1000000000 / (end - start) )) requests/s)"
}

echo "after start: $(rss)"
for ((i = 0; i < N; i++)); do echo "$URL/api/v1/editions/2021/scores?x=$i"; done >"$WORK/unknown.txt"
echo "$N undocumented parameters: $(batch "$WORK/unknown.txt")"
echo "  rss $(rss)"
# Distinct strings for valid values: 19 scores (1 to 10 by 0.5) written with 0 to N/19
# trailing zeros, each a what-if response of some 30 KB.
for ((i = 0; i < N; i++)); do
  printf '%s/api/v1/editions/2021/countries/KAZ/whatif?change=law_enforcement=%s%s\n' "$URL" \
    "$(awk -v k=$((i % 19)) 'BEGIN { printf "%.1f", 1 + k / 2 }')" "$(printf '%*s' $((i / 19)) '' | tr ' ' 0)"
done >"$WORK/whatif.txt"
echo "$N distinct what-if queries: $(batch "$WORK/whatif.txt")"
echo "  rss $(rss)"
