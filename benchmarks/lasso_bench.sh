#!/usr/bin/env bash
# The symbolic engine's lasso search (src/engine/lasso.c) on the seeds' liveness
# specs: verdict, lasso length and CPU time (user + system; the machine is
# shared, so wall time varies) of the whole run and of the same run with
# --safety-only, whose difference is the lasso search's cost.
# Usage: benchmarks/lasso_bench.sh [CPU-seconds-per-run]   (BRINK=binary)
set -u
cd "$(dirname "$0")/.."
limit=${1:-600}
brink=${BRINK:-./brink}
cpu() { # cpu args...: prints "secs exit lasso"
  local tf out code
  tf=$(mktemp)
  out=$( (ulimit -t "$limit"; exec /usr/bin/time -o "$tf" -f "%U %S" \
          "$brink" check --engine symbolic "$@") 2>/dev/null)
  code=$?
  lasso=$(printf '%s\n' "$out" | sed -n 's/.*violated by a lasso of \([0-9]*\) step.*/\1/p')
  printf '%s %s %s\n' "$(tail -1 "$tf" | awk '{ printf "%.2f", $1 + $2 }')" "$code" "${lasso:--}"
  rm -f "$tf"
}
while read -r tla cfg len; do
  read -r all code lasso < <(cpu --length "$len" --config "specs/$cfg.cfg" "specs/$tla.tla")
  read -r safe _ _ < <(cpu --safety-only --length "$len" --config "specs/$cfg.cfg" "specs/$tla.tla")
  printf '%-40s len=%-3s exit=%-3s lasso=%-3s cpu=%8ss safety=%8ss lasso_search=%8ss\n' \
    "$cfg" "$len" "$code" "$lasso" "$all" "$safe" \
    "$(awk -v a="$all" -v b="$safe" 'BEGIN { printf "%.2f", a - b }')"
done <<'LIST'
TwoPhaseCommit TwoPhaseCommitLive 10
TwoPhaseCommit TwoPhaseCommitNoFailLive 10
LeaderElection LeaderElectionLive 15
DistributedCounterPlusCal DistributedCounterPlusCalLive 12
DistributedCounterPlusCal DistributedCounterPlusCalAllCounted 35
Uploader UploaderFixedLive 8
Uploader UploaderLive 8
LIST
