#!/usr/bin/env bash
# Acceptance check outside the unit tests (it reads ../shared, which the test command
# must not depend on): the publisher's real Kazakhstan 2021 narrative imports with every
# section found, every word kept and the funding footer set apart, and renders.
#   tools/acceptance/profile_seed.sh [path/to/ocindex] [seed narrative] [output dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ocindex=${1:-$root/build/release/ocindex}
seed=${2:-$root/../shared/seed/kazakhstan-profile-2021.txt}
[ -f "$seed" ] || { echo "no seed narrative at $seed: pass its path as the second argument" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
out=${3:-$scratch/out}
mkdir -p "$out"
export OCINDEX_DB=$scratch/ocindex.db

echo "== import $seed"
"$ocindex" profile import "$seed" --country KAZ --edition 2021 --format text \
  --note "seed acceptance check" >"$scratch/sections.csv" 2>"$scratch/report.txt"
echo "-- sections found (section, heading as written, line, words)"
cat "$scratch/sections.csv"
echo "-- report"
cat "$scratch/report.txt"

fail=0
for section in people trade environment drugs actors leadership_governance criminal_justice_security \
               economic_financial civil_society_social_protection; do
  if ! grep -q "^$section," "$scratch/sections.csv"; then echo "FAIL: section $section not found" >&2; fail=1; fi
done
# Words in the file = words kept + line-end hyphen joins (each join makes two words one).
read -r words_in words_out joins < <(sed -n 's/.*words: \([0-9]*\) in, \([0-9]*\) out (\([0-9]*\) line-end.*/\1 \2 \3/p' \
  "$scratch/report.txt")
echo "-- words: $words_in in, $words_out out, $joins joins"
if [ "$words_in" -ne $((words_out + joins)) ]; then echo "FAIL: words lost ($words_in != $words_out + $joins)" >&2; fail=1; fi
grep -q '^footer (set apart): ' "$scratch/report.txt" || { echo "FAIL: no footer set apart" >&2; fail=1; }
if grep -q 'unknown heading\|belongs to no section' "$scratch/report.txt"; then
  echo "FAIL: text left unplaced" >&2; fail=1
fi

echo "== render"
for edition in 2021 2023 2025; do
  for format in md html pdf; do
    "$ocindex" profile export KAZ --edition "$edition" --format "$format" -o "$out/KAZ-$edition.$format"
  done
done
if command -v pdftotext >/dev/null; then
  pdftotext "$out/KAZ-2021.pdf" "$scratch/kaz.txt"
  for heading in People Trade Environment Drugs "Criminal actors" "Leadership and governance" \
                 "Criminal justice and security" "Economic and financial environment" \
                 "Civil society and social protection"; do
    grep -q "^$heading\$" "$scratch/kaz.txt" || { echo "FAIL: PDF text lacks heading '$heading'" >&2; fail=1; }
  done
fi
[ "$fail" -eq 0 ] || exit 1
echo "PASS: every section found, every word kept, footer set apart; profiles written to $out"
