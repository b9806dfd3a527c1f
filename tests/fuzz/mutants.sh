#!/usr/bin/env bash
# mutants.sh -- mutation testing of brink's verdicts on real models.
#
#   tests/fuzz/mutants.sh BRINK [MAX_MODELS] [SECONDS_PER_RUN]
#
# Takes models whose check fails (corpus rows of ../shared/corpus/models.tsv
# with a safety or liveness failure that TLC found within 3 s, and the
# failing rows of tests/specs/expected.tsv that have a config file), and
# makes mutants of each: every line of the config deleted, duplicated, and
# swapped with the next; every line of the spec deleted and duplicated (the
# spec's folder copied, so that its other modules are found).  Each mutant
# runs on the explicit engine.  What must hold:
#   - no crash: the exit code is one of TLC's (0 10 11 12 13 14 75 150 151
#     153 255), and nothing says "internal error";
#   - exit 0 only with a summary that says what was checked (the line
#     "brink: checked: ...", which lists invariants, properties, deadlock);
#   - a duplicated config line means the same model or is a config error:
#     the verdict is the original's, or 151.
# Prints one line per broken rule and `mutants: N runs, F failures`; exits
# 1 when F > 0.
set -u
brink=${1:?usage: tests/fuzz/mutants.sh BRINK [MAX_MODELS] [SECONDS_PER_RUN]}
max_models=${2:-12}
secs=${3:-20}
cd "$(dirname "$0")/../.."
shared=${SHARED:-../shared}/corpus
work=$(mktemp -d /tmp/mutants.XXXXXX)
trap 'rm -rf "$work"' EXIT
runs=0
fails=0
declare -A seen # exit code -> runs

# run DIR TLA CFG -> sets code and out
run() {
  out=$(cd "$1" && timeout "$secs" "$brink" check --engine explicit \
    --config "$3" "$2" 2>&1)
  code=$?
}

judge() { # judge WHAT ORIGINAL_CODE KIND
  runs=$((runs + 1))
  seen[$code]=$((${seen[$code]:-0} + 1))
  local what=$1 orig=$2 kind=$3
  if [ "$code" = 124 ]; then return; fi # timed out: not judged
  case " 0 10 11 12 13 14 75 150 151 153 255 " in
  *" $code "*) ;;
  *)
    echo "mutants: exit $code (not a TLC exit code): $what"
    fails=$((fails + 1))
    return
    ;;
  esac
  if printf '%s' "$out" | grep -q "internal error"; then
    echo "mutants: internal error: $what"
    fails=$((fails + 1))
  elif [ "$code" = 0 ] && ! printf '%s' "$out" | grep -q "^brink: checked: "; then
    echo "mutants: exit 0 without saying what was checked: $what"
    fails=$((fails + 1))
  elif [ "$kind" = dup-cfg ] && [ "$code" != "$orig" ] && [ "$code" != 151 ]; then
    echo "mutants: a duplicated config line changed exit $orig to $code: $what"
    fails=$((fails + 1))
  fi
}

# mutate DIR TLA CFG: every mutant of the config and of the spec.
mutate() {
  local dir=$1 tla=$2 cfg=$3
  rm -rf "$work/m"
  cp -r "$dir" "$work/m"
  run "$work/m" "$tla" "$cfg"
  local orig=$code
  [ "$orig" = 124 ] && return
  local n
  n=$(wc -l <"$dir/$cfg")
  for i in $(seq 1 "$n"); do
    for op in del dup swap; do
      rm -rf "$work/m"
      cp -r "$dir" "$work/m"
      case $op in
      del) sed "${i}d" "$dir/$cfg" >"$work/m/$cfg" ;;
      dup) sed "${i}p" "$dir/$cfg" >"$work/m/$cfg" ;;
      swap)
        [ "$i" -lt "$n" ] || continue
        sed -n "1,$((i - 1))p; $((i + 1))p; ${i}p; $((i + 2)),\$p" \
          "$dir/$cfg" >"$work/m/$cfg"
        ;;
      esac
      run "$work/m" "$tla" "$cfg"
      judge "$dir/$cfg line $i $op (original exit $orig)" "$orig" "$op-cfg"
    done
  done
  n=$(wc -l <"$dir/$tla")
  for i in $(seq 1 "$n"); do
    for op in del dup; do
      rm -rf "$work/m"
      cp -r "$dir" "$work/m"
      case $op in
      del) sed "${i}d" "$dir/$tla" >"$work/m/$tla" ;;
      dup) sed "${i}p" "$dir/$tla" >"$work/m/$tla" ;;
      esac
      run "$work/m" "$tla" "$cfg"
      judge "$dir/$tla line $i $op (original exit $orig)" "$orig" "$op-tla"
    done
  done
}

models=0
if [ -r "$shared/models.tsv" ]; then
  while IFS=$'\t' read -r _ tla cfg _ expected _ _ _ _ _ wall _; do
    case $expected in *failure*) ;; *) continue ;; esac
    awk -v w="$wall" 'BEGIN { exit !(w != "" && w + 0 < 3) }' || continue
    [ "$models" -lt "$max_models" ] || break
    d=$shared/examples/$(dirname "$tla")
    [ -r "$d/$(basename "$cfg")" ] || continue
    models=$((models + 1))
    mutate "$d" "$(basename "$tla")" "$(basename "$cfg")"
  done < <(tail -n +2 "$shared/models.tsv")
else
  echo "mutants: $shared is absent; only tests/specs models are used"
fi
# tests/specs rows that fail and name their config file.
while IFS=$'\t' read -r spec args code _; do
  case $code in 11 | 12 | 13) ;; *) continue ;; esac
  case $args in "--config tests/specs/"*.cfg) ;; *) continue ;; esac
  [ "$models" -lt $((2 * max_models)) ] || break
  cfg=${args#--config tests/specs/}
  models=$((models + 1))
  mutate tests/specs "$(basename "$spec")" "$cfg"
done < <(grep -v '^#' tests/specs/expected.tsv | tail -n +2)
hist=""
for c in $(printf '%s\n' "${!seen[@]}" | sort -n); do hist="$hist $c:${seen[$c]}"; done
echo "mutants: exit codes (code:runs):$hist"
echo "mutants: $models models, $runs runs, $fails failures"
[ "$fails" = 0 ]
