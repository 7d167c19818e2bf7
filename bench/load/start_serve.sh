# Sourced by the load scripts: starts `ocindex serve` on a free loopback port and waits
# until it listens (up to START_WAIT seconds, default 30: a large index takes longer to
# load). Usage: start_serve OCINDEX LOG DB [serve options...]; sets SERVER_PID and URL
# (http://127.0.0.1:PORT), or prints the log and exits 1. SERVE_CPUS (e.g. "0") pins the
# server to those CPUs.
start_serve() {
  local ocindex=$1 log=$2 db=$3
  shift 3
  # taskset execs the server: SERVER_PID is the server's own, for the caller to kill.
  $(pinned "${SERVE_CPUS:-}") "$ocindex" --db "$db" serve --port 0 "$@" 2>"$log" &
  SERVER_PID=$!
  for _ in $(seq $((${START_WAIT:-30} * 10))); do
    grep -q "listening on" "$log" 2>/dev/null && break
    sleep 0.1
  done
  URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)
  [[ -n $URL ]] || { echo "$0: ocindex serve did not start:" >&2; cat "$log" >&2; exit 1; }
}

pinned() {  # cpus: the command prefix that runs a program on those CPUs; none for ""
  [[ -z $1 ]] || echo "taskset -c $1"
}
