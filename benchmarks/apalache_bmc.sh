#!/usr/bin/env bash
# Runs brink's symbolic engine on the bounded-model-checking suite of
# Apalache's OOPSLA 2019 paper (../shared/corpus/apalache/bmc_suite.tsv:
# spec, --length, --cinit, --init, --inv) and prints each run's time next
# to Apalache's published times, then a summary (median speedup, how many
# runs are at least 10x faster, which are slower or did not finish).
#
# The published runs checked invariants only (EWD840 at length 12 has a
# reachable deadlock, and they report NoError), so these runs use
# --no-deadlock; DEADLOCK=1 checks deadlock too.  Rows with no --inv give
# brink nothing to ask the solver (no invariant, no deadlock check): their
# time is that of building the unrolling only, and the CSV says so in
# `checks`.
#
# Usage: benchmarks/apalache_bmc.sh [seconds-per-run] [out.csv] [filter]
#   filter: an extended regex on "benchmark spec" (default: every row).
#   BACKENDS="z3 cadical": one run per back end (--backend B; default auto,
#   brink's own default).
#   BRINK: the binary (default ./brink); BENCH_MEM_MB: memory per run.
# CSV: benchmark, spec, backend, length, init, inv, checks, time_s, result
# (NoError/Violation/Deadlock/Timeout/error), depth (the length checked, the
# counterexample's steps, or for a timeout the deepest step whose
# invariants were checked), max_rss_mb, the published times of Apalache
# 0.19.2 and 0.5.2, speedup over 0.19.2 (for runs that finished NoError,
# the published verdict), note (brink's error, if any).
#   BRINK_ARGS: options added to every run (e.g. "--int-width 16").
set -u
cd "$(dirname "$0")/.."
. benchmarks/bench_lib.sh
limit=${1:-600}
out=${2:-build/apalache_bmc.csv}
filter=${3:-.}
backends=${BACKENDS:-auto}
suite=../shared/corpus/apalache
log=$(mktemp)
trap 'rm -f "$log"' EXIT
mkdir -p "$(dirname "$out")"
echo "benchmark,spec,backend,length,init,inv,checks,time_s,result,depth,max_rss_mb,apalache_0.19.2_s,apalache_0.5.2_s,speedup_vs_0.19.2,note" > "$out"
printf '%-30s %-34s %-7s %3s %8s %-9s %5s %9s %8s\n' benchmark spec backend len brink_s result depth apa0.19_s speedup
while IFS=$'\t' read -r bench spec args length init inv status t19 t05; do
  printf '%s %s\n' "$bench" "$spec" | grep -Eq -- "$filter" || continue
  cinit=$(printf '%s\n' "$args" | sed -n 's/.*--cinit=\([A-Za-z0-9_]*\).*/\1/p')
  cmd=(check ${BRINK_ARGS:-} --length "$length")
  [ "${DEADLOCK:-0}" = 1 ] || cmd+=(--no-deadlock)
  [ -n "$cinit" ] && cmd+=(--cinit "$cinit")
  [ "$init" != - ] && cmd+=(--init "$init")
  [ "$inv" != - ] && cmd+=(--inv "$inv")
  checks=$([ "$inv" != - ] && echo "inv $inv" || echo "none (unrolling only)")
  [ "${DEADLOCK:-0}" = 1 ] && checks="$checks + deadlock"
  for be in $backends; do
    bench_run "$limit" "$log" "${cmd[@]}" --backend "$be" "$suite/$spec"
    speed=
    [ "$B_RESULT" = NoError ] &&
      speed=$(awk -v a="$t19" -v b="$B_TIME" 'BEGIN { printf "%.1f", a / (b > 0.01 ? b : 0.01) }')
    printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' "$bench" "$spec" "$be" \
      "$length" "$init" "$inv" "$checks" "$B_TIME" "$B_RESULT" "$B_DEPTH" "$B_RSS" \
      "$t19" "$t05" "$speed" "$B_NOTE" >> "$out"
    printf '%-30s %-34s %-7s %3s %8s %-9s %5s %9s %8s\n' "$bench" "$spec" "$be" \
      "$length" "$B_TIME" "$B_RESULT" "$B_DEPTH" "$t19" "${speed:+${speed}x}"
    [ -n "$B_NOTE" ] && printf '    %s\n' "$B_NOTE"
  done
done < <(tail -n +2 "$suite/bmc_suite.tsv" |
         awk -F'\t' -v OFS='\t' '{ for (i = 1; i <= 9; i++) if ($i == "") $i = "-"; print }')
echo "(CSV: $out; wall time per run, limit ${limit} s)"
# Columns: 8 time, 9 result, 14 speedup; a run is named by 1 benchmark,
# 2 spec, 3 backend, 4 length.
bench_summary "$out" 8 9 9 '^NoError$' 14 1,2,3,4
