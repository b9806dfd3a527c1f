#!/usr/bin/env bash
# Differential test of the two engines: runs the explicit and the symbolic
# engine on every model of ../shared/corpus/models.tsv, both bounded to the
# same number of steps, and compares the verdicts (exit codes) and, for a
# violation, the number of states in the counterexample (both engines give a
# shortest one; for a temporal property only the symbolic engine's lasso is
# a shortest one, so it may be shorter than the explicit engine's).  A model counts as answered by both when neither engine
# timed out or refused it (exit 255 or >= 150).
# Usage: benchmarks/differential.sh [steps] [seconds-per-run] [out.tsv]
# (BRINK selects the binary, default ./brink; BACKEND=z3|cadical|auto the
# symbolic engine's solver, default brink's own, auto).
set -u
cd "$(dirname "$0")/.."
steps=${1:-5}
limit=${2:-60}
out=${3:-build/differential.tsv}
brink=${BRINK:-./brink}
corpus=../shared/corpus
mkdir -p "$(dirname "$out")"
printf 'model\texplicit\texplicit_cex\tsymbolic\tsymbolic_cex\tverdict\tsymbolic_message\n' > "$out"
# The number of the last "State N:" line of a trace (0 when none).
# TLC's form for an invariant violated by an initial state has no header:
# it is a trace of one state.
cex_len() {
  local o; o=$(cat)
  if printf '%s\n' "$o" | grep -q 'is violated by the initial state:$'; then
    echo 1
  else
    printf '%s\n' "$o" | grep -o '^State [0-9]*' | tail -1 | sed 's/State //; s/^$/0/'
  fi
}
both=0; agree=0; disagree=0; total=0
while IFS=$'\t' read -r dir tla cfg rest; do
  total=$((total + 1))
  args=(--length "$steps" --config "$corpus/examples/$cfg" "$corpus/examples/$tla")
  xo=$(timeout -k 10 "$limit" "$brink" check --quiet --engine explicit "${args[@]}" 2>&1)
  x=$?
  # A set too large for the explicit engine is a limit, not a verdict.
  if [ "$x" = 75 ] && printf '%s\n' "$xo" | grep -q "too many to enumerate\|cannot enumerate"; then
    x=255
  fi
  so=$(timeout -k 10 "$limit" "$brink" check --quiet --engine symbolic ${BACKEND:+--backend "$BACKEND"} "${args[@]}" 2>&1)
  s=$?
  xc=$(printf '%s\n' "$xo" | cex_len); sc=$(printf '%s\n' "$so" | cex_len)
  [ -n "$xc" ] || xc=0; [ -n "$sc" ] || sc=0
  msg=""
  if [ "$x" = 124 ] || [ "$x" -ge 150 ] || [ "$s" = 124 ] || [ "$s" -ge 150 ]; then
    verdict="not-both"
    msg=$(printf '%s\n' "$so" | grep -m1 -E "error|gave up" | cut -c1-160)
  else
    both=$((both + 1))
    # A lasso (exit 13): the symbolic engine's is a shortest one, the
    # explicit engine's is the one its SCC search meets first (as TLC's),
    # so it may be longer.
    if [ "$x" = "$s" ] && { [ "$x" = 0 ] || [ "$xc" = "$sc" ] ||
                            { [ "$x" = 13 ] && [ "$sc" -le "$xc" ]; }; }; then
      verdict="agree"; agree=$((agree + 1))
    else
      verdict="DISAGREE"; disagree=$((disagree + 1))
    fi
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$cfg" "$x" "$xc" "$s" "$sc" "$verdict" "$msg" >> "$out"
  printf '%-75s %-9s explicit=%s/%s symbolic=%s/%s\n' "$cfg" "$verdict" "$x" "$xc" "$s" "$sc"
done < <(tail -n +2 "$corpus/models.tsv")
echo "differential ($steps steps): $both of $total models answered by both engines; $agree agree, $disagree disagree"
