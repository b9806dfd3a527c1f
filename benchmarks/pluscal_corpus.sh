#!/usr/bin/env bash
# The PlusCal acceptance run: every model of ../shared/corpus/models.tsv with
# uses_pluscal = 1.  Its folder is copied, the committed translation is cut
# out of each module that holds an algorithm (the lines between the BEGIN and
# END TRANSLATION markers), and the explicit engine checks the model from
# the algorithm alone (brink translates it in memory).  The same model with
# the committed translation (--no-pluscal: files read as they are) is
# the reference: verdict (exit code) and distinct-state count must agree.
# Usage: benchmarks/pluscal_corpus.sh [CPU-seconds-per-run] [max-states]
#   models whose recorded distinct-state count passes max-states (default
#   400000) are skipped, and so are TLC's simulation-mode models; a model
#   without a recorded count runs (the reference is brink on the committed
#   translation, not TLC), bounded by the CPU limit.  ONLY=regex keeps the
#   models whose cfg path matches it.  The CPU limit is the budget; the
#   wall-clock guard is 30 times it, since on a shared machine a run of a
#   few CPU seconds can take minutes (MultiPaxos_MC_small: 7 s CPU, 54 s
#   wall, while a 3x guard had ended such runs as timeouts).  Each line
#   gives both runs' CPU seconds.
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

run() { # run DIR TLA CFG [OPTION] -> "code distinct cpu-seconds"
  local out code t0 t1
  cpu_children; t0=$cpu
  out=$(cd "$1" && (ulimit -t "$limit"; exec timeout "$((30 * limit))" \
        "$brink" check --engine explicit ${4:-} --config "$3" "$2") 2>/dev/null)
  code=$?
  cpu_children; t1=$cpu
  local d
  d=$(printf '%s\n' "$out" | sed -n 's/.* states generated, \([0-9]*\) distinct states found.*/\1/p' | tail -1)
  echo "$code ${d:--} $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
}
# cpu: CPU seconds used so far by this shell's finished children (times
# runs in this shell: in a pipe or $(...) it would count a subshell's)
cpu_children() {
  times > "$work/times"
  cpu=$(awk 'NR == 2 { gsub(/[ms]/, " "); print $1 * 60 + $2 + $3 * 60 + $4 }' "$work/times")
}

# (fields through awk: read would collapse the empty columns)
while IFS='|' read -r dir tla cfg mode distinct; do
  [ -n "${ONLY:-}" ] && ! [[ $cfg =~ $ONLY ]] && continue
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
  ref=$(run "$corpus/examples/$dir/$rdir" "$(basename "$rtla")" \
        "$corpus/examples/$cfg" --no-pluscal)
  got=$(run "$work/m/$rdir" "$(basename "$rtla")" "$work/m/$rcfg")
  refcpu=${ref##* }; gotcpu=${got##* }
  ref=${ref% *}; got=${got% *}
  case "${ref%% *} ${got%% *}" in
  124\ * | 137\ * | 152\ * | *\ 124 | *\ 137 | *\ 152)
    # a CPU or wall-clock limit ended a run: no comparison
    printf '%-72s timeout committed=%s algorithm=%s (%s s + %s s CPU)\n' \
      "$cfg" "$ref" "$got" "$refcpu" "$gotcpu"
    skipped=$((skipped + 1)); continue ;;
  esac
  if [ "$ref" = "$got" ]; then
    verdict=same; same=$((same + 1))
  else
    verdict=DIFFER; differ=$((differ + 1))
  fi
  printf '%-72s %-6s committed=%s algorithm=%s (TLC %s; %s s + %s s CPU)\n' \
    "$cfg" "$verdict" "$ref" "$got" "$distinct" "$refcpu" "$gotcpu"
done < <(awk -F'\t' 'NR > 1 && $12 == 1 { print $1 "|" $2 "|" $3 "|" $4 "|" $7 }' \
         "$corpus/models.tsv")
echo "PlusCal corpus: $same same, $differ differ, $skipped skipped, of $total"
