#!/usr/bin/env bash
# Distinct states per second of the explicit engine on corpus models, next
# to TLC's recorded wall time for the same model (../shared/corpus/models.tsv,
# column tlc_wall_s_here).  Writes a CSV (default build/bench_explicit.csv)
# and prints it.  ratio = brink's wall time / TLC's wall time (below 1:
# brink faster); brink's CPU (user) seconds are given too, since the wall
# time of a run on a shared machine depends on the load.
# Usage: benchmarks/bench_explicit.sh [out.csv]
set -u
cd "$(dirname "$0")/.."
out=${1:-build/bench_explicit.csv}
brink=${BRINK:-./brink}
corpus=../shared/corpus
models="
specifications/Chameneos/Chameneos.cfg
specifications/Disruptor/Disruptor_MPMC.cfg
specifications/GameOfLife/GameOfLife.cfg
specifications/ewd426/TokenRing.cfg
specifications/TeachingConcurrency/SimpleRegular.cfg
specifications/MultiPaxos-SMR/MultiPaxos_MC_small.cfg
specifications/SlushProtocol/SlushSmall.cfg
"
mkdir -p "$(dirname "$out")"
echo "model,distinct,tlc_distinct,brink_s,brink_cpu_s,tlc_s,states_per_s,ratio" > "$out"
tmp=$(mktemp)
for cfg in $models; do
  row=$(awk -F'\t' -v c="$cfg" '$3 == c' "$corpus/models.tsv")
  tla=$(printf '%s' "$row" | cut -f2)
  tlc_distinct=$(printf '%s' "$row" | cut -f7)
  tlc_s=$(printf '%s' "$row" | cut -f11)
  start=$(date +%s.%N)
  got=$(/usr/bin/time -f %U -o "$tmp" "$brink" check --engine explicit \
        --config "$corpus/examples/$cfg" "$corpus/examples/$tla" 2>/dev/null |
        sed -n 's/.* states generated, \([0-9]*\) distinct states found.*/\1/p' | tail -1)
  end=$(date +%s.%N)
  cpu=$(tail -1 "$tmp")
  awk -v m="$cfg" -v d="${got:-0}" -v td="$tlc_distinct" -v s="$start" \
      -v e="$end" -v t="$tlc_s" -v u="${cpu:-0}" 'BEGIN {
        b = e - s; printf "%s,%d,%d,%.2f,%.2f,%.1f,%.0f,%.2f\n", m, d, td, b, u,
        t, (b > 0 ? d / b : 0), (t > 0 ? b / t : 0) }' >> "$out"
done
rm -f "$tmp"
column -s, -t < "$out"
