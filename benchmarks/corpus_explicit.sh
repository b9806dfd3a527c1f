#!/usr/bin/env bash
# Runs the explicit engine on every model of ../shared/corpus/models.tsv whose
# recorded TLC run was exhaustive and finished, and compares the verdict, the
# number of distinct states and the depth with TLC's.
# A model that does not agree is followed by the first error line brink
# printed (the reason).
# Usage: benchmarks/corpus_explicit.sh [seconds-per-model]
set -u
cd "$(dirname "$0")/.."
limit=${1:-60}
brink=${BRINK:-./brink}
corpus=../shared/corpus
agree=0; differ=0; failed=0; total=0
while IFS=$'\t' read -r dir tla cfg mode expected tlc distinct gen depth cex wall rest; do
  [ "$mode" = "exhaustive search" ] || continue
  case "$tlc" in success|"safety failure"|"deadlock failure") ;; *) continue ;; esac
  total=$((total + 1))
  # (read collapses the empty cex column: look the wall time up by name)
  wall=$(awk -F'\t' -v c="$cfg" '$3 == c { print $11 }' "$corpus/models.tsv")
  errf=$(mktemp)
  start=$(date +%s.%N)
  out=$(timeout "$limit" "$brink" check --engine explicit --config "$corpus/examples/$cfg" "$corpus/examples/$tla" 2>"$errf")
  code=$?
  secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  reason=$(grep -m1 -E 'error:|Error:' "$errf"; printf '%s\n' "$out" | grep -m1 -E '^Error:')
  rm -f "$errf"
  got_distinct=$(printf '%s\n' "$out" | sed -n 's/.* states generated, \([0-9]*\) distinct states found.*/\1/p' | tail -1)
  got_depth=$(printf '%s\n' "$out" | sed -n 's/The depth of the complete state graph search is \([0-9]*\)\./\1/p' | tail -1)
  case "$tlc" in success) want=0 ;; "safety failure") want=12 ;; "deadlock failure") want=11 ;; esac
  verdict="differ"
  if printf '%s\n' "$out" | grep -q "no behaviour to check"; then
    got_distinct=0; got_depth=0
  fi
  if [ "$code" = 124 ] || [ "$code" -ge 150 ] || [ "$code" = 75 ]; then
    verdict="failed($code)"; failed=$((failed + 1))
  elif [ "$code" = "$want" ] && { [ "$want" != 0 ] || { [ "$got_distinct" = "$distinct" ] && [ "$got_depth" = "$depth" ]; }; }; then
    verdict="agree"; agree=$((agree + 1))
  else
    differ=$((differ + 1))
  fi
  printf '%-70s %-10s tlc=%s/%s/%s brink=%s/%s/%s %ss (TLC %ss)\n' "$cfg" "$verdict" "$want" "$distinct" "$depth" "$code" "$got_distinct" "$got_depth" "$secs" "$wall"
  if [ "$verdict" != agree ] && [ -n "$reason" ]; then
    printf '    %s\n' "$(printf '%s' "$reason" | head -1 | cut -c1-200)"
  fi
done < <(tail -n +2 "$corpus/models.tsv")
echo "explicit engine vs TLC: $agree agree, $differ differ, $failed not supported or timed out, of $total"
