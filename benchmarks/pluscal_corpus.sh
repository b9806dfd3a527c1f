#!/usr/bin/env bash
# The PlusCal acceptance run: every model of ../shared/corpus/models.tsv with
# uses_pluscal = 1.  Its folder is copied, the committed translation is cut
# out of each module that holds an algorithm (the lines between the BEGIN and
# END TRANSLATION markers), and the explicit engine checks the model from
# the algorithm alone (brink translates it in memory).  The same model with
# the committed translation (BRINK_PLUSCAL=off: files read as they are) is
# the reference: verdict (exit code) and distinct-state count must agree.
# Usage: benchmarks/pluscal_corpus.sh [CPU-seconds-per-run] [max-states]
#   models whose recorded distinct-state count passes max-states (default
#   400000) are skipped, and so are TLC's simulation-mode models; a model
#   without a recorded count runs (the reference is brink on the committed
#   translation, not TLC), bounded by the CPU limit.
set -u
cd "$(dirname "$0")/.."
limit=${1:-120}
maxstates=${2:-400000}
brink=$(pwd)/${BRINK:-brink}
corpus=$(cd ../shared/corpus 2>/dev/null || cd ../../shared/corpus 2>/dev/null; pwd) && [ -f "$corpus/models.tsv" ] || {
  echo "pluscal_corpus: ../shared/corpus is absent; nothing to do"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
same=0; differ=0; skipped=0; total=0

run() { # run DIR TLA CFG -> "code distinct"
  local out code
  out=$(cd "$1" && (ulimit -t "$limit"; exec timeout "$((3 * limit))" \
        "$brink" check --engine explicit --config "$3" "$2") 2>/dev/null)
  code=$?
  local d
  d=$(printf '%s\n' "$out" | sed -n 's/.* states generated, \([0-9]*\) distinct states found.*/\1/p' | tail -1)
  echo "$code ${d:--}"
}

# (fields through awk: read would collapse the empty columns)
while IFS='|' read -r dir tla cfg mode distinct; do
  total=$((total + 1))
  if [ "$mode" != "exhaustive search" ] ||
     { [ -n "$distinct" ] && [ "$distinct" -gt "$maxstates" ]; }; then
    printf '%-72s skipped (%s, %s states)\n' "$cfg" "$mode" "${distinct:-?}"
    skipped=$((skipped + 1)); continue
  fi
  rm -rf "$work/m"; mkdir -p "$work/m"
  cp -r "$corpus/examples/$dir/." "$work/m/"
  # the model's files, relative to its folder
  rtla=${tla#"$dir"/}; rcfg=${cfg#"$dir"/}
  rdir=$(dirname "$rtla")
  for f in $(grep -rlE -e '--(fair )?algorithm' --include='*.tla' "$work/m"); do
    awk '/\\\* BEGIN TRANSLATION/ { print; skip = 1; next }
         /\\\* END TRANSLATION/ { skip = 0 }
         !skip { print }' "$f" > "$f.stripped" && mv "$f.stripped" "$f"
  done
  ref=$(BRINK_PLUSCAL=off run "$corpus/examples/$dir/$rdir" "$(basename "$rtla")" \
        "$corpus/examples/$cfg")
  got=$(run "$work/m/$rdir" "$(basename "$rtla")" "$work/m/$rcfg")
  case "${ref%% *} ${got%% *}" in
  124\ * | 137\ * | 152\ * | *\ 124 | *\ 137 | *\ 152)
    # a CPU or wall-clock limit ended a run: no comparison
    printf '%-72s timeout committed=%s algorithm=%s\n' "$cfg" "$ref" "$got"
    skipped=$((skipped + 1)); continue ;;
  esac
  if [ "$ref" = "$got" ]; then
    verdict=same; same=$((same + 1))
  else
    verdict=DIFFER; differ=$((differ + 1))
  fi
  printf '%-72s %-6s committed=%s algorithm=%s (TLC %s)\n' "$cfg" "$verdict" \
    "$ref" "$got" "$distinct"
done < <(awk -F'\t' 'NR > 1 && $12 == 1 { print $1 "|" $2 "|" $3 "|" $4 "|" $7 }' \
         "$corpus/models.tsv")
echo "PlusCal corpus: $same same, $differ differ, $skipped skipped, of $total"
