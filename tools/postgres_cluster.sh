#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, from Debian's postgresql package.
#   tools/postgres_cluster.sh start DIR   makes a cluster in DIR (created if missing),
#                                          starts it and prints its connection URI
#   tools/postgres_cluster.sh stop DIR    stops it and removes DIR
# It listens only on a Unix socket in DIR (no TCP) and trusts whoever can reach the
# socket, so it is for tests only; nor does it sync to disk (fsync off: nothing in it need
# survive a crash, and the tests' CREATE DATABASE is then quick) unless OCINDEX_PG_FSYNC=on,
# which benchmarks set so that commits cost what they cost in production. As root, the
# server runs as the 'postgres' user.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
command=$1
dir=$2

# The newest installed server (Debian keeps them in /usr/lib/postgresql/VERSION/bin).
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "postgres_cluster: no PostgreSQL server installed (run tools/setup.sh)" >&2; exit 1; }

# PostgreSQL refuses to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $command in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
      -o "-c listen_addresses='' -k '$dir' -c max_connections=200 -c fsync=${OCINDEX_PG_FSYNC:-off}" start >&2 ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql:///postgres?host=$dir&user=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -s stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
