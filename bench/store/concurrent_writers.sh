#!/usr/bin/env bash
# Concurrent writers: WRITERS processes import revisions into one store for DURATION
# seconds, alternating expert scores (`reliability import`) and narratives (`profile
# import`), both of which add a revision on every import. Afterwards the store's history
# must hold exactly one revision per successful import, numbered 1..N with no gap.
#
#   bench/store/concurrent_writers.sh build/release/ocindex                 # a new SQLite file
#   bench/store/concurrent_writers.sh build/release/ocindex postgresql:///db?host=/tmp/pg
#
# Environment: WRITERS (default 8), DURATION (seconds, default 30).
# Prints imports/s, errors and lost revisions; exits 1 if any import failed or was lost.
set -euo pipefail

OCINDEX=${1:?usage: $0 path/to/ocindex [store: path or postgresql URI]}
WRITERS=${WRITERS:-8}
DURATION=${DURATION:-30}
WORK=$(mktemp -d /tmp/ocindex-writers-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
DB=${2:-$WORK/ocindex.db}
ocx() { "$OCINDEX" --db "$DB" "$@"; }

# A store that already has history would confuse the count: start from a new one.
if [[ -n $(ocx reliability history --format csv 2>/dev/null | tail -n +2) ]]; then
  echo "$0: $DB already holds expert scores; give a new store" >&2
  exit 1
fi
ocx editions >/dev/null  # creates and fills the store once, before the writers race

# Small inputs, so the time goes to the store rather than to parsing: 40 expert scores
# and a two-section narrative, one file per writer.
for w in $(seq "$WRITERS"); do
  ocx reliability generate --edition 2021 --experts 2 --seed "$w" -o "$WORK/all-$w.csv"
  head -n 41 "$WORK/all-$w.csv" >"$WORK/experts-$w.csv"
  printf '# Summary\n\nWriter %s, a narrative for the benchmark.\n\n# Criminal markets\n\nMarkets.\n' "$w" \
    >"$WORK/narrative-$w.md"
done

writer() {
  local w=$1 end=$(($(date +%s) + DURATION)) ok=0 profiles=0 failed=0 i=0
  while (($(date +%s) < end)); do
    if ((i % 2 == 0)); then
      if ocx reliability import "$WORK/experts-$w.csv" >/dev/null 2>>"$WORK/errors-$w.log"; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
    else
      if ocx profile import "$WORK/narrative-$w.md" --country KAZ --edition 2021 >/dev/null 2>>"$WORK/errors-$w.log"; then
        profiles=$((profiles + 1))
      else failed=$((failed + 1)); fi
    fi
    i=$((i + 1))
  done
  echo "$ok $profiles $failed" >"$WORK/count-$w"
}

start=$(date +%s.%N)
for w in $(seq "$WRITERS"); do writer "$w" & done
wait
elapsed=$(echo "$(date +%s.%N) - $start" | bc)

experts=0 profiles=0 failed=0
for w in $(seq "$WRITERS"); do
  read -r e p f <"$WORK/count-$w"
  experts=$((experts + e)) profiles=$((profiles + p)) failed=$((failed + f))
done
# Stored revisions, and whether they run 1..N without a gap or a repeat.
stored_experts=$(ocx reliability history --format csv | tail -n +2 | grep -c '^2021,' || true)
stored_profiles=$(ocx profile history KAZ --edition 2021 --format csv 2>/dev/null | tail -n +2 | wc -l)
check_sequence() {  # reads revision numbers, one a line; prints how many are out of 1..N order
  sort -n | awk '{ if ($1 != NR) bad++ } END { print bad + 0 }'
}
gaps=$(( $(ocx reliability history --format csv | tail -n +2 | grep '^2021,' | cut -d, -f2 | check_sequence) +
         $(ocx profile history KAZ --edition 2021 --format csv 2>/dev/null | tail -n +2 | cut -d, -f1 | check_sequence) ))
lost=$(( (experts - stored_experts) + (profiles - stored_profiles) ))
total=$((experts + profiles))
printf 'store: %s\nwriters: %d, %.1f s\nimports: %d (%d expert-score sets, %d narratives), %.1f imports/s\n' \
  "${2:-SQLite (new file)}" "$WRITERS" "$elapsed" "$total" "$experts" "$profiles" "$(echo "$total / $elapsed" | bc -l)"
printf 'errors: %d\nlost revisions: %d\nrevision numbers out of sequence: %d\n' "$failed" "$lost" "$gaps"
if ((failed > 0)); then
  echo "first errors:" >&2
  cat "$WORK"/errors-*.log | head -5 >&2
fi
((failed == 0 && lost == 0 && gaps == 0))
