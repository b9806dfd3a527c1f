#!/usr/bin/env bash
# Runs brink over every model of ../shared/corpus/models.tsv with a short
# time limit and tabulates what happened: one line per model with the exit
# codes of typecheck, the explicit engine and the symbolic engine, then
# totals.  Usage: benchmarks/corpus_sweep.sh [seconds-per-run] [out.tsv]
set -u
cd "$(dirname "$0")/.."
limit=${1:-10}
out=${2:-build/corpus_sweep.tsv}
corpus=../shared/corpus
mkdir -p "$(dirname "$out")"
printf 'model\ttlc_expected\ttypecheck\texplicit\tsymbolic\n' > "$out"
tail -n +2 "$corpus/models.tsv" | while IFS=$'\t' read -r dir tla cfg mode expected rest; do
  t=$(timeout -k 10 "$limit" ${BRINK:-./brink} typecheck --config "$corpus/examples/$cfg" "$corpus/examples/$tla" >/dev/null 2>&1; echo $?)
  x=$(timeout -k 10 "$limit" ${BRINK:-./brink} check --engine explicit --config "$corpus/examples/$cfg" "$corpus/examples/$tla" >/dev/null 2>&1; echo $?)
  s=$(timeout -k 10 "$limit" ${BRINK:-./brink} check --length 5 --config "$corpus/examples/$cfg" "$corpus/examples/$tla" >/dev/null 2>&1; echo $?)
  printf '%s\t%s\t%s\t%s\t%s\n' "$cfg" "$expected" "$t" "$x" "$s" >> "$out"
done
echo "models: $(tail -n +2 "$out" | wc -l)"
for col in 3 4 5; do
  name=$(head -1 "$out" | cut -f$col)
  echo "$name exit codes: $(tail -n +2 "$out" | cut -f$col | sort | uniq -c | sort -rn | awk '{printf "%s x%s, ", $2, $1}')"
done
