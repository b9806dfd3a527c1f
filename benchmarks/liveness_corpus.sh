#!/usr/bin/env bash
# The explicit engine's liveness checking on the corpus: every model of
# ../shared/corpus/models.tsv with a PROPERTY (cfg_has_property = 1) whose
# recorded TLC run was an exhaustive search that finished.  Each model runs
# twice: with its temporal properties checked, and with --safety-only (the
# same search without them).  A model agrees when the verdict (exit code)
# is TLC's and, for a success, the number of distinct states too.
# Columns: verdict, TLC's and brink's exit code / distinct states, brink's
# CPU time (user + system: the machine is shared, so wall time varies)
# with liveness and without (safety-only), their ratio, and TLC's recorded
# wall time (tlc_wall_s_here, JVM start included).  A model whose runs take
# under 0.3 s of CPU is run again, 20 times each way, and its times are the
# means of those (3 decimals), so that its ratio is not the rounding of
# 0.01 s.
# Usage: benchmarks/liveness_corpus.sh [CPU-seconds-per-run] [max-TLC-seconds]
#   max-TLC-seconds: skip models TLC needed longer for (default: all).
set -u
cd "$(dirname "$0")/.."
limit=${1:-120}
maxtlc=${2:-100000}
brink=${BRINK:-./brink}
corpus=${SHARED:-../shared}/corpus
. benchmarks/bench_lib.sh
agree=0; differ=0; failed=0; total=0
run() { bench_cpu_run "$limit" --engine explicit "$@"; } # sets code, secs, out, reason
repeat() { # repeat n args...: the mean CPU time of n runs (3 decimals)
  local n=$1 tf
  shift
  tf=$(mktemp)
  /usr/bin/time -o "$tf" -f "%U %S" sh -c 'n=$1; shift; i=0
    while [ "$i" -lt "$n" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done' \
    sh "$n" "$brink" check --engine explicit "$@"
  tail -1 "$tf" | awk -v n="$n" '{ printf "%.3f", ($1 + $2) / n }'
  rm -f "$tf"
}
while IFS=$'\t' read -r dir tla cfg mode expected tlc distinct gen depth; do
  [ "$mode" = "exhaustive search" ] || continue
  row=$(awk -F'\t' -v c="$cfg" '$3 == c' "$corpus/models.tsv")
  hasprop=$(printf '%s\n' "$row" | cut -f15)
  wall=$(printf '%s\n' "$row" | cut -f11)
  [ "$hasprop" = 1 ] || continue
  case "$tlc" in success|"safety failure"|"deadlock failure"|"liveness failure") ;; *) continue ;; esac
  awk -v w="$wall" -v m="$maxtlc" 'BEGIN { exit !(w + 0 <= m + 0) }' || continue
  total=$((total + 1))
  case "$tlc" in success) want=0 ;; "safety failure") want=12 ;; "deadlock failure") want=11 ;; "liveness failure") want=13 ;; esac
  run --config "$corpus/examples/$cfg" "$corpus/examples/$tla"
  lcode=$code; lsecs=$secs; lreason=$reason
  got=$(printf '%s\n' "$out" | sed -n 's/.* states generated, \([0-9]*\) distinct states found.*/\1/p' | tail -1)
  run --safety-only --config "$corpus/examples/$cfg" "$corpus/examples/$tla"
  ssecs=$secs
  if awk -v a="$lsecs" -v b="$ssecs" 'BEGIN { exit !(a < 0.3 && b < 0.3) }'; then
    lsecs=$(repeat 20 --config "$corpus/examples/$cfg" "$corpus/examples/$tla")
    ssecs=$(repeat 20 --safety-only --config "$corpus/examples/$cfg" "$corpus/examples/$tla")
  fi
  ratio=$(awk -v a="$lsecs" -v b="$ssecs" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  if [ "$lcode" = 124 ] || [ "$lcode" = 255 ] || [ "$lcode" -ge 150 ] || [ "$lcode" = 75 ]; then
    verdict="failed($lcode)"; failed=$((failed + 1))
  elif [ "$lcode" = "$want" ] && { [ "$want" != 0 ] || [ "$got" = "$distinct" ]; }; then
    verdict=agree; agree=$((agree + 1))
  else
    verdict=disagree; differ=$((differ + 1))
  fi
  printf '%-72s %-10s tlc=%s/%s brink=%s/%s live=%ss safety=%ss x%s TLC=%ss\n' \
    "$cfg" "$verdict" "$want" "$distinct" "$lcode" "${got:-?}" "$lsecs" "$ssecs" "$ratio" "$wall"
  if [ "$verdict" != agree ] && [ -n "$lreason" ]; then
    printf '    %s\n' "$(printf '%s' "$lreason" | head -1 | cut -c1-200)"
  fi
done < <(tail -n +2 "$corpus/models.tsv")
echo "liveness, explicit engine vs TLC: $agree agree, $differ disagree, $failed not supported or timed out, of $total"
