#!/usr/bin/env bash
# Load benchmark: `ocindex serve` against nginx serving the very same JSON bytes from
# files, in one run, on loopback. Builds nothing; bounded (DURATION seconds per target).
#
#   bench/load/serve_vs_nginx.sh build/release/ocindex
#
# Environment: DURATION (default 10), CONNECTIONS (64), THREADS (server threads, 2),
# WRK_THREADS (2), DB (the store `serve` reads: a path or a postgresql:// URI; default a
# new SQLite file). Needs nginx (nginx-light) and wrk (tools/setup.sh installs both).
# Prints requests/s and p50/p90/p99 latency for each target and the ratio ocindex/nginx.
set -euo pipefail
. "$(dirname "$0")/start_serve.sh"

OCINDEX=${1:?usage: $0 path/to/ocindex}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WRK_THREADS=${WRK_THREADS:-2}
for tool in nginx wrk curl; do
  command -v "$tool" >/dev/null || { echo "$0: $tool not found; run tools/setup.sh" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/ocindex-load-XXXXXX)
chmod 755 "$WORK"  # nginx workers run as an unprivileged user
SERVER_PID="" NGINX_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
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

start_serve "$OCINDEX" "$WORK/serve.log" "${DB:-$WORK/ocindex.db}" --threads "$THREADS"
OCINDEX_URL=$URL

# The same bytes as files: nginx maps the URI path (query ignored) to a file.
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
worker_processes 2;
error_log $WORK/nginx/logs/error.log;
pid $WORK/nginx/nginx.pid;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  etag on;
  keepalive_requests 1000000;
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
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/logs/error.log" &
NGINX_PID=$!
sleep 0.5
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
  out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/paths.lua" "$2")
  echo "$out" >"$WORK/wrk-$1.txt"
  local rps p50 p90 p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms)
  p90=$(awk '$1=="90%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)
  grep -q "Non-2xx" <<<"$out" && { echo "$0: $1 answered non-2xx responses:" >&2; echo "$out" >&2; exit 1; }
  echo "$rps $p50 $p90 $p99"
}

# Warm ocindex's cache (first request computes, later ones are served from memory).
for path in "${PATHS[@]}"; do curl -sf "$OCINDEX_URL$path" -o /dev/null; done
read -r o_rps o_p50 o_p90 o_p99 <<<"$(run ocindex "$OCINDEX_URL")"
read -r n_rps n_p50 n_p90 n_p99 <<<"$(run nginx "http://127.0.0.1:$NGINX_PORT")"

echo "wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency, ${#PATHS[@]} paths cycled; ocindex --threads $THREADS, nginx worker_processes 2"
printf '%-8s %12s %9s %9s %9s\n' target "requests/s" "p50 ms" "p90 ms" "p99 ms"
printf '%-8s %12.0f %9.3f %9.3f %9.3f\n' ocindex "$o_rps" "$o_p50" "$o_p90" "$o_p99"
printf '%-8s %12.0f %9.3f %9.3f %9.3f\n' nginx "$n_rps" "$n_p50" "$n_p90" "$n_p99"
awk -v o="$o_rps" -v n="$n_rps" 'BEGIN { printf "ratio ocindex/nginx (requests/s): %.2f\n", o / n }'
