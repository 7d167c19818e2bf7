#!/usr/bin/env bash
# Acceptance check outside the unit tests (it reads ../shared): extracts the real seed
# narrative with `ocindex flows extract ... --format json` and scores it against the
# project's gold annotation (precision, recall, F1 per statement kind; rules in
# docs/FLOWS.md). Fails when flow precision or recall is below 0.85 or when one of the
# issue's required flows or roles is missing.
#   tools/acceptance/flows_gold_score.sh [path/to/ocindex] [seed narrative] [gold json]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ocindex=${1:-$root/build/release/ocindex}
seed=${2:-$root/../shared/seed/kazakhstan-profile-2021.txt}
gold=${3:-$root/data/gold/kazakhstan-2021-flows.json}
[ -f "$seed" ] || { echo "no seed narrative at $seed: pass its path as the second argument" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export OCINDEX_DB=$scratch/ocindex.db

"$ocindex" flows extract "$seed" --edition 2021 --format json >"$scratch/extracted.json" 2>"$scratch/log.txt"
echo "== $seed against $gold"; cat "$scratch/log.txt"
python3 "$root/tools/acceptance/flows_gold_score.py" "$scratch/extracted.json" "$gold"
