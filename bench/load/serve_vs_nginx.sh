#!/usr/bin/env bash
# Load benchmark: `ocindex serve` against nginx serving the very same JSON bytes from
# files, in one run, on loopback. Builds nothing; bounded (DURATION seconds per target).
#
#   bench/load/serve_vs_nginx.sh build/release/ocindex
#
# Environment: DURATION (default 10), ROUNDS (3), CONNECTIONS (64), THREADS (server
# threads, 2), WRK_THREADS (2), DB (the store `serve` reads: a path or a postgresql://
# URI; default a new SQLite file), BASE (another ocindex binary, e.g. an earlier build,
# measured alongside), PIN (1: the servers on CPU 0, wrk on CPU 1, one server thread and
# one wrk thread unless THREADS and WRK_THREADS say otherwise). Needs nginx (nginx-light)
# and wrk (tools/setup.sh installs both).
#
# Unpinned, the servers share the cores with wrk, and the latency tail measures the
# scheduler (a server thread waiting for wrk's time slice) as much as the server; pinned,
# neither takes the other's core, so the tail is the server's own.
# The targets take turns, ROUNDS times, so a change in the machine's load hits them
# alike. Prints requests/s and p50/p90/p99 latency of each target in each round, and the
# ratios ocindex/nginx (and ocindex/base) per round with their median.
set -euo pipefail
. "$(dirname "$0")/start_serve.sh"

OCINDEX=${1:?usage: $0 path/to/ocindex}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
BASE=${BASE:-}
CONNECTIONS=${CONNECTIONS:-64}
PIN=${PIN:-0}
SERVER_CPUS="" WRK_CPUS="" THREADS_DEFAULT=2
if [[ $PIN == 1 ]]; then
  (($(nproc) >= 2)) || { echo "$0: PIN=1 needs two CPUs" >&2; exit 1; }
  SERVER_CPUS=0 WRK_CPUS=1 THREADS_DEFAULT=1
fi
THREADS=${THREADS:-$THREADS_DEFAULT}
WRK_THREADS=${WRK_THREADS:-$THREADS_DEFAULT}
for tool in nginx wrk curl taskset; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found; run tools/setup.sh" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/ocindex-load-XXXXXX)
chmod 755 "$WORK"  # nginx workers run as an unprivileged user
SERVER_PID="" NGINX_PID="" BASE_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n $BASE_PID ]] && kill "$BASE_PID" 2>/dev/null && wait "$BASE_PID" 2>/dev/null
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# Cached GETs a client of the explorer makes: a ranking, a country page, a score table.
PATHS=(
  "/api/v1/editions/2021/ranks?measure=criminality"
  "/api/v1/editions/2021/countries/KAZ"
  "/api/v1/editions/2023/scores?measures=criminality,resilience"
  "/api/v1/editions/2023/compare?countries=KAZ,UZB,KGZ"
)

SERVE_CPUS=$SERVER_CPUS start_serve "$OCINDEX" "$WORK/serve.log" "${DB:-$WORK/ocindex.db}" --threads "$THREADS"
OCINDEX_URL=$URL
TARGET_NAMES=(ocindex) TARGET_URLS=("$OCINDEX_URL")
if [[ -n $BASE ]]; then  # an earlier build, on the same store, measured in the same run
  OCINDEX_PID=$SERVER_PID
  SERVE_CPUS=$SERVER_CPUS start_serve "$BASE" "$WORK/base.log" "${DB:-$WORK/ocindex.db}" --threads "$THREADS"
  BASE_PID=$SERVER_PID SERVER_PID=$OCINDEX_PID
  TARGET_NAMES+=(base) TARGET_URLS+=("$URL")
fi

# The same bytes as files: nginx maps the URI path (query ignored) to a file. nginx as
# one would tune it for this: open files cached, bodies sent with sendfile.
mkdir -p "$WORK/www"
for path in "${PATHS[@]}"; do
  file="$WORK/www${path%%\?*}"
  mkdir -p "$(dirname "$file")"
  curl -sf "$OCINDEX_URL$path" -o "$file"
done
chmod -R a+rX "$WORK/www"

NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$WORK/nginx/logs"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes $THREADS;
error_log $WORK/nginx/logs/error.log;
pid $WORK/nginx/nginx.pid;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  etag on;
  keepalive_requests 1000000;
  open_file_cache max=100;
  open_file_cache_valid 60s;
  sendfile on;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { try_files \$uri =404; }
  }
}
CONF
$(pinned "$SERVER_CPUS") nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log" &
NGINX_PID=$!
sleep 0.5
TARGET_NAMES+=(nginx) TARGET_URLS+=("http://127.0.0.1:$NGINX_PORT")
for path in "${PATHS[@]}"; do
  cmp -s <(curl -sf "$OCINDEX_URL$path") <(curl -sf "http://127.0.0.1:$NGINX_PORT$path") ||
    { echo "$0: nginx and ocindex answer $path differently" >&2; exit 1; }
done

{
  echo 'local paths = {'
  for path in "${PATHS[@]}"; do echo "  \"$path\","; done
  echo '}'
  echo 'local i = 0'
  echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
} >"$WORK/paths.lua"

# wrk prints latencies as 512.00us / 1.23ms / 2.00s; report milliseconds.
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v+0 } else { sub(/s$/,"",v); print v*1000 } }'; }
run() {  # name url -> "rps p50 p90 p99"
  local out
  out=$($(pinned "$WRK_CPUS") wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/paths.lua" "$2")
  echo "$out" >"$WORK/wrk-$1.txt"
  local rps p50 p90 p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms)
  p90=$(awk '$1=="90%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)
  grep -q "Non-2xx" <<<"$out" && { echo "$0: $1 answered non-2xx responses:" >&2; echo "$out" >&2; exit 1; }
  echo "$rps $p50 $p90 $p99"
}

# Warm the caches (a first request computes, later ones are served from memory).
for url in "${TARGET_URLS[@]}"; do
  for path in "${PATHS[@]}"; do curl -sf "$url$path" -o /dev/null; done
done

echo "wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency, ${#PATHS[@]} paths cycled; ocindex --threads $THREADS, nginx worker_processes $THREADS; $ROUNDS rounds, targets alternating${SERVER_CPUS:+; servers on CPU $SERVER_CPUS, wrk on CPU $WRK_CPUS}"
printf '%-6s %-8s %12s %9s %9s %9s\n' round target "requests/s" "p50 ms" "p90 ms" "p99 ms"
ratios=() base_ratios=()
for round in $(seq "$ROUNDS"); do
  declare -A rps=()
  for i in "${!TARGET_NAMES[@]}"; do
    read -r t_rps t_p50 t_p90 t_p99 <<<"$(run "${TARGET_NAMES[$i]}" "${TARGET_URLS[$i]}")"
    rps[${TARGET_NAMES[$i]}]=$t_rps
    printf '%-6s %-8s %12.0f %9.3f %9.3f %9.3f\n' "$round" "${TARGET_NAMES[$i]}" "$t_rps" "$t_p50" "$t_p90" "$t_p99"
  done
  ratios+=("$(awk -v o="${rps[ocindex]}" -v n="${rps[nginx]}" 'BEGIN { printf "%.2f", o / n }')")
  [[ -n $BASE ]] && base_ratios+=("$(awk -v o="${rps[ocindex]}" -v b="${rps[base]}" 'BEGIN { printf "%.2f", o / b }')")
  unset rps
done
summary() {  # label ratios... -> "label: r1 r2 r3 (median m)"
  local label=$1
  shift
  printf '%s: %s (median %s)\n' "$label" "$*" "$(printf '%s\n' "$@" | sort -g | awk '{ v[NR]=$1 } END { print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2 }')"
}
summary "ratio ocindex/nginx (requests/s), per round" "${ratios[@]}"
[[ -n $BASE ]] && summary "ratio ocindex/base (requests/s), per round" "${base_ratios[@]}"
exit 0
