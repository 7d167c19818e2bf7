#!/usr/bin/env bash
# Peak memory and time of `ocindex validate` and `ocindex import` on a large CSV file
# (issue 18: "a 140 MB CSV peaks at 2.2 GB"). The file is the bundled 2023 edition's rows
# repeated to SIZE_MB megabytes, so every row after the first 193 is a repeated country:
# both commands read and check every row, then refuse the file (exit 1) and store
# nothing. Memory is the process's peak resident set (GNU time's "Maximum resident set
# size"), reported with its ratio to the file's size.
#
#   bench/io/large_csv.sh build/ci/ocindex            # 140 MB, 3 runs each
#   SIZE_MB=500 RUNS=1 bench/io/large_csv.sh build/release/ocindex
set -euo pipefail

OCINDEX=${1:?usage: $0 path/to/ocindex}
SIZE_MB=${SIZE_MB:-140}
RUNS=${RUNS:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/ocindex-large-csv-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time (Debian package 'time')" >&2; exit 1; }

SOURCE=$ROOT/data/editions/goci-2023.csv
FILE=$WORK/large.csv
# A ~1 MB block of rows, then as many blocks as the size needs.
tail -n +2 "$SOURCE" >"$WORK/rows.csv"
: >"$WORK/block.csv"
while (($(stat -c %s "$WORK/block.csv") < 1000000)); do cat "$WORK/rows.csv" >>"$WORK/block.csv"; done
head -n 1 "$SOURCE" >"$FILE"
blocks=$((SIZE_MB * 1000000 / $(stat -c %s "$WORK/block.csv")))
for ((i = 0; i < blocks; i++)); do cat "$WORK/block.csv"; done >>"$FILE"
bytes=$(stat -c %s "$FILE")

DB=$WORK/ocindex.db
"$OCINDEX" --db "$DB" editions >/dev/null  # fill the store first: its seeding is not measured
# The file is larger than the default 64 MiB input limit.
export OCINDEX_MAX_INPUT_MB=$(((bytes >> 20) + 16))

printf 'file: %.1f MB (%d rows)\n' "$(bc -l <<<"$bytes / 1000000")" "$(($(wc -l <"$FILE") - 1))"
printf '%-9s %4s %14s %10s %10s\n' command run peak_rss_mb x_file seconds
for command in validate import; do
  for ((run = 1; run <= RUNS; run++)); do
    /usr/bin/time -v -o "$WORK/time.txt" "$OCINDEX" --db "$DB" "$command" "$FILE" --edition 2023 \
      >/dev/null 2>"$WORK/err.txt" || true
    grep -q "appears twice" "$WORK/err.txt" || { echo "$0: unexpected outcome:" >&2; cat "$WORK/err.txt" >&2; exit 1; }
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")
    seconds=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$elapsed")
    printf '%-9s %4d %14.1f %10.2f %10.2f\n' "$command" "$run" "$(bc -l <<<"$rss_kb / 1000")" \
      "$(bc -l <<<"$rss_kb * 1024 / $bytes")" "$seconds"
  done
done
