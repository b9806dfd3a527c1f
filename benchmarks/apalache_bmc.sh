#!/usr/bin/env bash
# Runs brink's symbolic engine on the bounded-model-checking suite of
# Apalache's OOPSLA 2019 paper (../shared/corpus/apalache/bmc_suite.tsv:
# spec, --length, --cinit, --init, --inv) and prints each run's time next
# to Apalache's published times.  The published runs checked invariants
# only (EWD840 at length 12 has a reachable deadlock, and they report
# NoError), so these runs use --no-deadlock.
# Usage: benchmarks/apalache_bmc.sh [seconds-per-run] [out.csv] [filter]
# filter: an extended regex on the benchmark name (default: every row).
# BRINK_ARGS adds options to every run (e.g. "--backend cadical").
# (Empty TSV fields become "-" first: read would merge adjacent tabs.)
set -u
cd "$(dirname "$0")/.."
limit=${1:-600}
out=${2:-build/apalache_bmc.csv}
filter=${3:-.}
brink=${BRINK:-./brink}
suite=../shared/corpus/apalache
mkdir -p "$(dirname "$out")"
echo "benchmark,spec,length,init,inv,brink_s,brink_result,apalache_0.19.2_s,apalache_0.5.2_s,speedup_vs_0.19.2" > "$out"
printf '%-36s %-30s %4s %9s %-10s %9s %8s\n' benchmark spec len brink_s result apa0.19_s speedup
while IFS=$'\t' read -r bench spec args length init inv status t19 t05; do
  printf '%s\n' "$bench" | grep -Eq "$filter" || continue
  cinit=$(printf '%s\n' "$args" | sed -n 's/.*--cinit=\([A-Za-z0-9_]*\).*/\1/p')
  cmd=("$brink" check ${BRINK_ARGS:-} --no-deadlock --length "$length")
  [ -n "$cinit" ] && cmd+=(--cinit "$cinit")
  [ "$init" != - ] && cmd+=(--init "$init")
  [ "$inv" != - ] && cmd+=(--inv "$inv")
  cmd+=("$suite/$spec")
  start=$(date +%s.%N)
  timeout "$limit" "${cmd[@]}" > /tmp/apalache_bmc.$$ 2>&1
  code=$?
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc)
  case $code in
    0) result=NoError ;; 12) result=Violation ;; 11) result=Deadlock ;;
    124) result=Timeout ;;
    *) result="exit$code" ;;
  esac
  speed=$(echo "scale=1; $t19 / $secs" | bc 2>/dev/null)
  printf '%s,%s,%s,%s,%s,%.2f,%s,%s,%s,%s\n' "$bench" "$spec" "$length" "$init" "$inv" "$secs" "$result" "$t19" "$t05" "$speed" >> "$out"
  printf '%-36s %-30s %4s %9.2f %-10s %9s %8s\n' "$bench" "$spec" "$length" "$secs" "$result" "$t19" "${speed}x"
  if [ "$result" != NoError ]; then
    grep -m2 -E "error|gave up" /tmp/apalache_bmc.$$ | sed 's/^/    /' | cut -c1-200
  fi
done < <(tail -n +2 "$suite/bmc_suite.tsv" |
         awk -F'\t' -v OFS='\t' '{ for (i = 1; i <= 9; i++) if ($i == "") $i = "-"; print }')
rm -f /tmp/apalache_bmc.$$
