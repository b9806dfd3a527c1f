#!/usr/bin/env bash
# The seed documents' safety specs (specs/, written from ../shared/seeds/;
# TLC's figures are in each .cfg's header) run by both engines: the symbolic
# engine on each back end to the shortest violation TLC found (or to 20
# steps where none exists), and the explicit engine's whole search beside
# it.  Issue 17's goals, printed under the table: every seed violation found
# symbolically in at most 2 s; the uploader's fixed version clean to 20
# steps in under 60 s.
#
# Usage: benchmarks/seeds.sh [seconds-per-run] [out.csv]
#   seconds-per-run: each brink run's time limit (default 120).
#   BACKENDS: the symbolic back ends (default "z3 cadical"); BRINK,
#   BENCH_MEM_MB: as for apalache_bmc.sh.
# CSV: spec, config, expected (TLC: Violation/Deadlock with the steps of
# its shortest trace, or NoError), length, engine, backend, time_s, result,
# depth (steps: of the counterexample, the length checked, for the
# explicit engine's complete search the longest shortest path, for a
# timeout the deepest step checked), agrees (the verdict and steps TLC's),
# note.
set -u
cd "$(dirname "$0")/.."
. benchmarks/bench_lib.sh
limit=${1:-120}
out=${2:-build/seeds.csv}
backends=${BACKENDS:-z3 cadical}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
mkdir -p "$(dirname "$out")"

# module config expected steps (TLC's shortest trace; "-": none, run to 20).
# The explicit engine is skipped ("noexplicit") where the state space is
# infinite and nothing is violated.
cases='
DistributedCounter DistributedCounter Violation 8
DistributedCounterCAS DistributedCounterCAS NoError - noexplicit
DistributedCounterPlusCal DistributedCounterPlusCal Violation 6
DistributedCounterPlusCal DistributedCounterPlusCalFinal Violation 34
DistributedCounterPlusCal DistributedCounterPlusCalTypeOK NoError -
TwoPhaseCommit TwoPhaseCommit NoError -
TwoPhaseCommit TwoPhaseCommitBlocking Deadlock 4
TwoPhaseCommit TwoPhaseCommitNoFail NoError -
LeaderElection LeaderElection Violation 4
LeaderElection LeaderElectionDeadlock Deadlock 6
LeaderElection LeaderElectionTypeOK NoError -
Uploader Uploader Violation 13
Uploader UploaderFixed NoError -
Uploader UploaderSeedBounds NoError -
'

echo "spec,config,expected,length,engine,backend,time_s,result,depth,agrees,note" > "$out"
row() { # config engine backend length
  local agrees=no
  if [ "$B_RESULT" = "$expected" ]; then
    if [ "$expected" = NoError ] || [ "$B_DEPTH" = "$steps" ]; then agrees=yes; fi
  fi
  echo "$module,$1,$expected${steps:+ $steps},$4,$2,$3,$B_TIME,$B_RESULT,$B_DEPTH,$agrees,$B_NOTE" >> "$out"
  printf '%-32s %-9s %-8s %7ss  %-9s %5s  %s\n' "$1" "$2" "$3" "$B_TIME" "$B_RESULT" "$B_DEPTH" "$agrees"
}

printf '%-32s %-9s %-8s %8s  %-9s %5s  %s\n' config engine backend time result depth agrees
while read -r module config expected steps flag; do
  [ -n "$module" ] || continue
  spec=specs/$module.tla cfg=specs/$config.cfg
  [ "$steps" = - ] && steps=
  length=${steps:-20}
  if [ "${flag:-}" != noexplicit ]; then
    bench_run "$limit" "$log" check --engine explicit --config "$cfg" "$spec"
    # The explicit engine reports the states of its trace; steps are one fewer.
    if [ "$B_RESULT" = Violation ] || [ "$B_RESULT" = Deadlock ]; then
      B_DEPTH=$((B_DEPTH - 1))
    elif [ "$B_RESULT" = NoError ]; then
      # TLC's depth counts states; the table counts steps.
      B_DEPTH=$(sed -n 's/^The depth of the complete state graph search is \([0-9]*\).*/\1/p' "$log")
      [ -n "$B_DEPTH" ] && B_DEPTH=$((B_DEPTH - 1))
    fi
    row "$config" explicit - "-"
  fi
  for b in $backends; do
    bench_run "$limit" "$log" check --engine symbolic --backend "$b" --length "$length" \
      --config "$cfg" "$spec"
    row "$config" symbolic "$b" "$length"
  done
done <<< "$cases"

echo
echo "CSV: $out"
awk -F, 'NR > 1 && $5 == "symbolic" {
    if ($3 != "NoError") {
      n++
      if ($10 == "yes" && $7 + 0 <= 2) ok++
      else miss = miss sprintf("    %s (%s): %s %ss depth %s\n", $2, $6, $8, $7, $9)
    }
    if ($2 == "UploaderFixed") {
      if ($8 == "NoError" && $9 == 20 && $7 + 0 < 60) up = up sprintf("    %s: met (%ss)\n", $6, $7)
      else up = up sprintf("    %s: missed (%s after %ss, depth %s)\n", $6, $8, $7, $9)
    }
  }
  END {
    printf "goal: every seed violation found symbolically in at most 2 s: %d of %d runs\n", ok, n
    printf "%s", miss
    printf "goal: UploaderFixed clean to 20 steps in under 60 s:\n%s", up
  }' "$out"
