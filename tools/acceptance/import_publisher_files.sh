#!/usr/bin/env bash
# Acceptance check outside the unit tests (it reads ../shared, which the test command
# must not depend on): the publisher's workbooks and CSV files, imported unmodified into
# a fresh database, succeed and hold exactly the bundled figures.
#   tools/acceptance/import_publisher_files.sh [path/to/ocindex] [goci data dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ocindex=${1:-$root/build/release/ocindex}
goci=${2:-$root/../shared/data/goci}
[ -d "$goci/workbooks" ] || { echo "no publisher data at $goci: pass its folder as the second argument" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export OCINDEX_DB=$scratch/ocindex.db

for workbook in "$goci"/workbooks/*.xlsx "$goci"/goci_20*.csv; do
  echo "== $(basename "$workbook")"
  # Same figures as the bundled editions: every sheet must come back 'unchanged'.
  out=$("$ocindex" import "$workbook" --format csv)
  echo "$out"
  if echo "$out" | tail -n +2 | grep -qv ',unchanged$'; then
    echo "FAIL: $(basename "$workbook") differs from the bundled data" >&2
    exit 1
  fi
done
"$ocindex" verify --format table
echo "PASS: every publisher file imports unmodified and matches the bundled editions"
