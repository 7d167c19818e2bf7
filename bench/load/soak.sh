#!/usr/bin/env bash
# Soak of `ocindex serve` (issue 18): DURATION seconds of mixed traffic on loopback,
# then the server's memory over time, latency and errors.
#   - wrk, 16 connections: 4 in 5 requests go to 27 pages the cache holds, 1 in 5 to a
#     what-if query never asked before (computed, then cached until the byte budget
#     evicts it);
#   - bad requests, 20 a second: malformed request lines, unknown parameters, path
#     traversal, an oversized header, unknown editions, wrong methods;
#   - slow clients: 40 connections that send a header a byte every few seconds.
#
#   bench/load/soak.sh build/release/ocindex
#
# Environment: DURATION (default 600), WARMUP (default 60: memory growth is measured
# from the end of it). Goal (docs): RSS growth under 10 % after warm-up, no 5xx, p99
# under 5 ms. Needs wrk and python3 (tools/setup.sh).
set -euo pipefail
. "$(dirname "$0")/start_serve.sh"

OCINDEX=${1:?usage: $0 path/to/ocindex}
DURATION=${DURATION:-600}
WARMUP=${WARMUP:-60}
for tool in wrk python3 curl; do
  command -v $tool >/dev/null || { echo "$0: $tool not found; run tools/setup.sh" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/ocindex-soak-XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

start_serve "$OCINDEX" "$WORK/serve.log" "$WORK/ocindex.db"
curl -sf "$URL/api/v1/editions/2021/scores" -o /dev/null  # the editions loaded

# The cached pages, and what-if queries never asked before: every country, indicator
# and score of 2025 (193 x 32 x 19, some 117,000 URLs of ordinary length).
for edition in 2021 2023 2025; do
  for page in scores ranks countries countries/KAZ countries/NGA/peers framework "aggregates?by=region" \
      "ranks?measure=resilience" "countries/MEX/whatif?change=law_enforcement=5"; do
    echo "/api/v1/editions/$edition/$page"
  done
done >"$WORK/cached.txt"
curl -sf "$URL/api/v1/editions/2025/framework" -o "$WORK/framework.json"
curl -sf "$URL/api/v1/editions/2025/countries" -o "$WORK/countries.json"
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
indicators = []
def walk(measures):
    for m in measures:
        if m["kind"] == "indicator":
            indicators.append(m["id"])
        walk(m.get("children", []))
walk(json.load(open(f"{work}/framework.json"))["measures"])
countries = [c["iso3"] for c in json.load(open(f"{work}/countries.json"))["countries"]]
with open(f"{work}/fresh.txt", "w") as out:
    for k in range(19):
        for indicator in indicators:
            for iso3 in countries:
                out.write(f"/api/v1/editions/2025/countries/{iso3}/whatif?change={indicator}={1 + k / 2:.1f}\n")
PY
for path in $(cat "$WORK/cached.txt"); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$URL$path")
  [[ $code == 200 ]] || { echo "$0: $path answered $code, expected 200" >&2; exit 1; }
done
cat >"$WORK/mix.lua" <<'LUA'
local cached, fresh, n = {}, {}, 0
function init(args)
  for line in io.lines(args[1]) do cached[#cached + 1] = line end
  for line in io.lines(args[2]) do fresh[#fresh + 1] = line end
  -- Each wrk process walks its own half of the fresh queries.
  n = tonumber(args[3]) * 5 * math.floor(#fresh / 2)
end
function request()
  n = n + 1
  if n % 5 == 0 then return wrk.format("GET", fresh[math.floor(n / 5) % #fresh + 1]) end
  return wrk.format("GET", cached[n % #cached + 1])
end
LUA
# One wrk thread per call so each gets its own slice (wrk's init has no thread number).
wrk -t1 -c8 -d"${DURATION}s" --latency -s "$WORK/mix.lua" "$URL" -- "$WORK/cached.txt" "$WORK/fresh.txt" 0 >"$WORK/wrk0.txt" &
WRK0=$!
wrk -t1 -c8 -d"${DURATION}s" --latency -s "$WORK/mix.lua" "$URL" -- "$WORK/cached.txt" "$WORK/fresh.txt" 1 >"$WORK/wrk1.txt" &
WRK1=$!

python3 - "${URL#http://}" "$DURATION" >"$WORK/abuse.txt" <<'PY' &
import collections, socket, sys, time
host, port = sys.argv[1].split(":")
port, duration = int(port), float(sys.argv[2])
bad = [
    b"GARBAGE\r\n\r\n",
    b"GET /api/v1/editions/2021/scores?x=1 HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /../../../etc/passwd HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /api/v1/editions/1999/scores HTTP/1.1\r\nHost: a\r\n\r\n",
    b"DELETE /api/v1/editions HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET /api/v1/editions/2021/countries/%ZZ HTTP/1.1\r\nHost: a\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + b"x" * 65536 + b"\r\n\r\n",
    b"POST /api/v1/session HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{not json",
]
statuses = collections.Counter()
slow, slow_closed = [], 0
for _ in range(40):
    s = socket.create_connection((host, port))
    s.sendall(b"GET /api/v1/editions HTTP/1.1\r\n")
    s.setblocking(False)
    slow.append(s)
end, k, next_drip = time.time() + duration, 0, 0.0
while time.time() < end:
    with socket.create_connection((host, port), timeout=5) as c:
        try:
            c.sendall(bad[k % len(bad)])
            line = c.recv(64).split(b"\r\n")[0].split()
            statuses[line[1].decode() if len(line) > 1 else "closed"] += 1
        except OSError:
            statuses["closed"] += 1
    k += 1
    if time.time() >= next_drip:  # one more header byte on every slow connection
        for s in list(slow):
            try:
                s.send(b"X")
            except OSError:
                slow.remove(s)
                slow_closed += 1
        next_drip = time.time() + 3
    time.sleep(0.05)
print("bad requests:", k, "statuses:", dict(sorted(statuses.items())))
print("5xx:", sum(v for key, v in statuses.items() if key.startswith("5")))
print("slow clients closed by the server:", slow_closed, "of 40")
PY
ABUSE=$!

# Resident memory every 10 s while the traffic runs.
echo "second,rss_mb" >"$WORK/rss.csv"
start=$(date +%s)
while kill -0 $WRK0 2>/dev/null; do
  awk -v t=$(( $(date +%s) - start )) '/VmRSS/ { printf "%d,%.1f\n", t, $2 / 1024 }' "/proc/$SERVER_PID/status" >>"$WORK/rss.csv"
  sleep 10
done
wait $WRK0; wait $WRK1; wait $ABUSE  # one at a time, so a failed one stops the script

echo "== memory (VmRSS, MB, every 10 s)"
paste -sd' ' <(tail -n +2 "$WORK/rss.csv" | cut -d, -f2)
awk -F, -v w="$WARMUP" 'NR > 1 { if ($1 >= w && !base) base = $2; last = $2; if ($2 > max) max = $2 }
  END { printf "after warm-up (%d s) %.1f MB, at the end %.1f MB, peak %.1f MB: growth %.1f %%\n", w, base, last, max, 100 * (last - base) / base }' "$WORK/rss.csv"
for k in 0 1; do
  echo "== wrk connection set $k"
  grep -E "Requests/sec|requests in|Non-2xx|Socket errors|^ +(50|90|99)%" "$WORK/wrk$k.txt"
done
echo "== abuse"
cat "$WORK/abuse.txt"
