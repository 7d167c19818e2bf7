#!/usr/bin/env bash
# Builds the fuzz preset and runs each libFuzzer target (fuzz/) for a bounded time:
#   tools/fuzz.sh [seconds-per-target] [target...]   (default 60 s; every target)
# FUZZ_OPTIONS adds libFuzzer flags (-runs=1000000 also stops a target at 10^6 executions).
# A target starts from its seeds (fuzz/corpus/<target>/, which also hold every input
# that once crashed it) and the corpus earlier runs grew (build/fuzz/fuzz-corpus/).
# Prints executions and coverage per target; exits 1 if any target crashed, leaked,
# timed out or ran out of memory, naming the input that did (build/fuzz/fuzz-findings/).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for source in fuzz/*_fuzzer.cc; do
    name=$(basename "$source" _fuzzer.cc)
    targets+=("$name")
  done
fi

build=build/fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]/%/_fuzzer}"

# Bounds per input; a slower input or a larger process is a finding.
options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 ${FUZZ_OPTIONS:-})
failed=()
printf '%-18s %12s %8s %7s %8s %7s  %s\n' target executions seconds cov ft corpus result >"$build/fuzz-summary.txt"
for target in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$target"
  findings="$build/fuzz-findings/$target"
  log="$build/fuzz-logs/$target.log"
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  dictionary=()
  [ -f "fuzz/$target.dict" ] && dictionary=(-dict="fuzz/$target.dict")
  echo "fuzz: $target for ${seconds}s (log $log)" >&2
  start=$(date +%s)
  result=ok
  # The first corpus folder receives the new inputs; the committed seeds stay as they are.
  if ! "$build/fuzz/${target}_fuzzer" "${options[@]}" "${dictionary[@]}" -artifact_prefix="$findings/" \
      "$corpus" "fuzz/corpus/$target" >"$log" 2>&1; then
    result="FAILED: $(grep -Eo "(Test unit|artifact) written to [^ ]+" "$log" | tail -1 | sed 's/.* to //')"
    failed+=("$target")
  fi
  elapsed=$(($(date +%s) - start))
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  # The last status line ("#N DONE cov: C ft: F corp: ...") holds the final coverage.
  status_line=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status_line")
  size=$(find "$corpus" -type f | wc -l)
  printf '%-18s %12s %8s %7s %8s %7s  %s\n' "$target" "${executions:-?}" "$elapsed" "${cov:-?}" "${ft:-?}" "$size" \
    "$result" >>"$build/fuzz-summary.txt"
  if [ "$result" != ok ]; then
    grep -E "^(==[0-9]+==ERROR|SUMMARY|.*runtime error)" "$log" | head -5 >&2 || true
  fi
done
cat "$build/fuzz-summary.txt"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}; reproduce with $build/fuzz/<target>_fuzzer <input>" >&2
  exit 1
fi
