#!/usr/bin/env bash
# Issue 15's acceptance for the symbolic engine: on every corpus model with
# a temporal PROPERTY whose recorded TLC run was a finished exhaustive
# search (as benchmarks/liveness_corpus.sh picks them), the lasso search
# finds the violation when TLC reports one, and reports none otherwise.
# The explicit engine runs first, unbounded: its verdict is the oracle (it
# agrees with TLC's on these rows, see liveness_corpus.sh), and for a
# violation its lasso's number of states N bounds the shortest lasso, so
# the symbolic engine runs to --length N and must find one of at most N
# states.  Without a violation the symbolic engine runs to the explicit
# search's depth (the longest shortest path to a state),
# capped at max-length, and must end with exit 0.  A run that times out or
# refuses (exit 255, >= 150) is listed as unanswered, with brink's reason.
# Usage: benchmarks/liveness_lasso.sh [CPU-seconds-per-run] [max-length]
#   [max-TLC-seconds]   (BRINK=binary, BACKEND=z3|cadical|auto)
set -u
cd "$(dirname "$0")/.."
limit=${1:-60}
maxlen=${2:-10}
maxtlc=${3:-100000}
corpus=${SHARED:-../shared}/corpus
. benchmarks/bench_lib.sh
agree=0; differ=0; open=0; total=0
run() { bench_cpu_run "$limit" "$@"; } # sets code, secs, out, reason
states() { printf '%s\n' "$out" | grep -o '^State [0-9]*' | tail -1 | sed 's/State //'; }
# Tab is whitespace to read, so empty columns would collapse: awk picks them.
while IFS='|' read -r tla cfg mode tlc depth wall hasprop; do
  [ "$mode" = "exhaustive search" ] && [ "$hasprop" = 1 ] || continue
  case "$tlc" in success|"safety failure"|"deadlock failure"|"liveness failure") ;; *) continue ;; esac
  awk -v w="$wall" -v m="$maxtlc" 'BEGIN { exit !(w + 0 <= m + 0) }' || continue
  total=$((total + 1))
  files=(--config "$corpus/examples/$cfg" "$corpus/examples/$tla")
  run --engine explicit "${files[@]}"
  x=$code; xn=$(states); xsecs=$secs
  if [ "$x" = 13 ]; then
    len=$xn
  elif [ "$x" = 0 ]; then
    # The explicit engine's depth: TLC's recorded one is 1 on some models
    # whose liveness check it ran.
    len=$(printf '%s\n' "$out" | sed -n 's/^The depth of the complete state graph search is \([0-9]*\).*/\1/p')
    [ -n "$len" ] || len=$depth
    [ "$len" -le "$maxlen" ] || len=$maxlen
    [ "$len" -ge 1 ] || len=1
  else
    # A safety or deadlock violation (or no explicit answer): the lasso
    # search only runs after the safety checks pass; not this script's.
    printf '%-72s skipped   explicit=%s\n' "$cfg" "$x"
    total=$((total - 1)); continue
  fi
  run --engine symbolic ${BACKEND:+--backend "$BACKEND"} --length "$len" "${files[@]}"
  s=$code; sn=$(states)
  if [ "$s" = 124 ] || [ "$s" = 255 ] || [ "$s" -ge 150 ]; then
    verdict="unanswered"; open=$((open + 1))
  elif [ "$s" = "$x" ] && { [ "$x" = 0 ] || [ "${sn:-0}" -le "$xn" ]; }; then
    verdict="agree"; agree=$((agree + 1))
  else
    verdict="DISAGREE"; differ=$((differ + 1))
  fi
  printf '%-72s %-10s len=%-3s explicit=%s/%s symbolic=%s/%s cpu=%ss explicit_cpu=%ss\n' \
    "$cfg" "$verdict" "$len" "$x" "${xn:--}" "$s" "${sn:--}" "$secs" "$xsecs"
  if [ "$verdict" = unanswered ] && [ -n "$reason" ]; then
    printf '    %s\n' "$(printf '%s' "$reason" | head -1 | cut -c1-160)"
  fi
done < <(tail -n +2 "$corpus/models.tsv" |
         awk -F'\t' -v OFS='|' '{ print $2, $3, $4, $6, $9, $11, $15 }')
echo "liveness lassos: $total models; $agree agree, $differ disagree, $open unanswered (limit ${limit}s, length <= $maxlen or the explicit lasso's)"
