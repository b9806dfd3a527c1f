#!/usr/bin/env bash
# Issue 17's corpus goal: on every corpus model TLC finished, does the
# symbolic engine reach TLC's depth (capped at 20 steps) in at most FACTOR
# times the explicit engine's whole-search time?
#
# Rows: those of ../shared/corpus/models.tsv with mode "exhaustive search"
# and a finished TLC verdict (success, safety, deadlock or liveness failure).
# Per row, the explicit engine's whole search runs first (brink check
# --engine explicit, at most EXPLICIT_CAP s, default 120; a row whose search
# does not finish within it is "skipped").  Then the symbolic engine runs to
# D steps, D = TLC's depth - 1 (TLC's depth counts states), or for a
# violation the steps of TLC's counterexample (cex_states - 1), capped at 20
# (--length D --stats), with a limit of FACTOR times the explicit engine's
# wall time but at least FLOOR s (default 2: process start and noise
# dominate tiny models); brink's own --timeout stops it cleanly.  With
# CLOCK=cpu both times are CPU seconds instead (user + system), and a CPU
# limit (ulimit -t, whole seconds) ends the symbolic run; a run that
# finishes over the exact limit misses.  On a shared machine the load
# stretches wall times, and with them the limits, but not CPU times.  Where the
# explicit engine fails (error, refusal, a verdict other than TLC's) TLC's
# recorded wall time stands in for it (column ref says which).
#
# reached: "yes" when the symbolic engine checked everything the config
# asks (invariants, deadlock, properties; liveness by lassos of up to D
# steps) to D steps and found nothing (TLC: success, or a violation deeper
# than 20 steps), or found the same kind of violation (the explicit
# engine's exit code) after the same number of steps as TLC (a lasso: at
# most that many, since TLC's lassos are not shortest); "no" for a timeout
# (also one after the invariants of all D steps, in the last deadlock check
# or the lasso search), a refusal (exit 255, 150, 151; note: the refusal's
# first line), running out of memory or an error (when the explicit engine
# failed with the same exit code, note "both engines"); "DISAGREE" when the
# symbolic engine's verdict contradicts TLC's (a bug; note: what it said);
# "skipped" when the explicit search did not finish within EXPLICIT_CAP.
#
# Usage: benchmarks/symbolic_depth.sh [factor] [out.csv] [regex]
#   factor: the symbolic engine's limit in multiples of the explicit
#   engine's time (default 10).  regex: only the models whose cfg path
#   matches (grep -E).
#   BACKENDS: the symbolic back ends (default "auto", brink's default;
#   "cadical z3" runs each); FLOOR, EXPLICIT_CAP: seconds as above;
#   CORPUS: the corpus folder (default ../shared/corpus); LOGDIR: brink's
#   output per run (default build/symbolic_depth/); BRINK, BENCH_MEM_MB: as
#   for apalache_bmc.sh.
# CSV: model (cfg path under examples/), tlc (TLC's verdict), tlc_depth
# (states), tlc_cex_states, length (D), explicit_time_s, explicit_cpu_s
# (the printed table shows the time the limit is based on),
# explicit_exit, explicit_distinct, explicit_depth (TLC's "depth of the
# complete state graph search"), ref (explicit or tlc: whose time the limit
# is based on), limit_s, backend, backend_used (the back end the run ended
# on, from the summary or the --stats lines), time_s, cpu_s, exit, result
# (NoError, Violation, Deadlock, Property, Assert, EvalError, Timeout,
# Refused, ConfigError, OutOfMemory, error), depth (steps checked, or of the
# counterexample; for a timeout the deepest step whose invariants were
# checked; -1: not even the initial states), ratio (time_s over the
# reference time), reached, note.
set -u
cd "$(dirname "$0")/.."
. benchmarks/bench_lib.sh
factor=${1:-10}
out=${2:-build/symbolic_depth.csv}
regex=${3:-}
backends=${BACKENDS:-auto}
floor=${FLOOR:-2}
clock=${CLOCK:-wall}
xcap=${EXPLICIT_CAP:-120}
limit=0
corpus=${CORPUS:-../shared/corpus}
logdir=${LOGDIR:-build/symbolic_depth}
mkdir -p "$(dirname "$out")" "$logdir"

# The rows: cfg, tla, TLC's verdict, depth, cex_states, wall time ("-" for
# an empty column: read would collapse it).
rows=$(awk -F'\t' 'NR > 1 && $4 == "exhaustive search" && $9 != "" &&
    $6 ~ /^(success|safety failure|deadlock failure|liveness failure)$/ {
      printf "%s\t%s\t%s\t%s\t%s\t%s\n", $3, $2, $6, $9, ($10 == "" ? "-" : $10), $11
    }' "$corpus/models.tsv")
[ -n "$regex" ] && rows=$(printf '%s\n' "$rows" | grep -E "$regex")

# result: the verdict an exit code and log stand for.  A liveness check
# stopped by --timeout may say "the solver gave up" (on a lasso): a timeout
# when it came at the time limit ($B_TIME, $limit).
result_of() { # exit log
  case $1 in
    0) echo NoError ;; 10) echo AssumptionFalse ;; 11) echo Deadlock ;;
    12) echo Violation ;; 13) echo Property ;; 14) echo Assert ;;
    75 | 76) echo EvalError ;; 150) echo Refused ;; 151) echo ConfigError ;;
    153) echo OutOfMemory ;; 124 | 137 | 152) echo Timeout ;;
    255) if grep -q '^brink: TIMEOUT: ' "$2"; then echo Timeout
         elif grep -q '^brink: out of memory' "$2"; then echo OutOfMemory
         elif grep -q -E '^brink: the solver gave up on a lasso: (timeout|canceled)' "$2" ||
              { grep -q 'cannot check it: the solver gave up' "$2" &&
                awk -v t="$stime" -v l="$limit" 'BEGIN { exit !(t >= 0.95 * l) }'; }; then
           echo Timeout
         else echo Refused; fi ;;
    *) echo error ;;
  esac
}
# steps: of a counterexample in log, else the last depth checked.
steps_of() { # log
  local s
  s=$(sed -n -e 's/.* after \([0-9]*\) steps\{0,1\} (a shortest.*/\1/p' \
             -e 's/.* by a lasso of \([0-9]*\) steps\{0,1\} .*/\1/p' "$1" | tail -n 1)
  [ -n "$s" ] || s=$(($(grep -c '^State [0-9]*: <' "$1") - 1))
  echo "$s"
}
# first_error: the first line that says why brink stopped or refused (a
# formula it did not check first), the corpus's path and the property's
# location left out.
first_error() { # log
  { grep '^brink: not checked: ' "$1"
    grep -E '(^brink: |error|Error)' "$1" |
      grep -v -E '^brink: (depth [0-9]+ checked|stats |note|warning|--cinit|no invariant is violated|no lasso)'
  } | head -n 1 | sed -e 's/^brink: //' -e "s|$corpus/examples/||g" \
      -e 's/ at [^ ]*:[0-9]*:[0-9]* ([A-Z]* at [^)]*)//' | tr -d ',' | cut -c1-240
}
sanitize() { printf '%s' "$1" | tr -c 'A-Za-z0-9._-' '_'; }

echo "model,tlc,tlc_depth,tlc_cex_states,length,explicit_time_s,explicit_cpu_s,explicit_exit,explicit_distinct,explicit_depth,ref,limit_s,backend,backend_used,time_s,cpu_s,exit,result,depth,ratio,reached,note" > "$out"
printf '%-66s %4s %8s %4s %7s %-7s %8s %-10s %5s %6s  %s\n' model D explicit rc limit backend time result depth ratio reached
while IFS=$'\t' read -r cfg tla tlc depth cex twall; do
  [ -n "$cfg" ] || continue
  name=$(sanitize "$cfg")
  # D: the steps to reach; want: the exit code of TLC's verdict.
  case $tlc in
    success) steps=$((depth > 0 ? depth - 1 : 0)); want=0 ;;
    *) if [ "$cex" != - ]; then steps=$((cex - 1)); else steps=$((depth - 1)); fi
       case $tlc in
         "deadlock failure") want=11 ;; "liveness failure") want=13 ;; *) want="12|13|14" ;;
       esac ;;
  esac
  length=$((steps > 20 ? 20 : steps))
  if [ "$tlc" = success ]; then tlcsays="TLC: success to depth $depth"
  else tlcsays="TLC: $tlc after $steps steps"; fi
  xlog=$logdir/$name.explicit.log
  bench_run "$xcap" "$xlog" check --engine explicit --config "$corpus/examples/$cfg" \
    "$corpus/examples/$tla"
  xtime=$B_TIME xcpu=$B_CPU xexit=$B_EXIT
  xshow=$xtime
  [ "$clock" = cpu ] && xshow=$xcpu
  xdistinct=$(sed -n 's/.* states generated, \([0-9]*\) distinct states found.*/\1/p' "$xlog" | tail -n 1)
  xdepth=$(sed -n 's/^The depth of the complete state graph search is \([0-9]*\).*/\1/p' "$xlog" | tail -n 1)
  if grep -q 'no behaviour to check' "$xlog"; then xdistinct=0 xdepth=0; fi
  xnote=
  if [ "$(result_of "$xexit" "$xlog")" = Timeout ]; then
    echo "$cfg,$tlc,$depth,${cex#-},$length,$xtime,$xcpu,$xexit,,,,,,,,,,,,,skipped,explicit search over ${xcap} s" >> "$out"
    printf '%-66s %4s %7ss %4s  skipped: explicit search over %s s\n' "$cfg" "$length" "$xtime" "$xexit" "$xcap"
    continue
  fi
  if printf '%s' "$xexit" | grep -qxE "$want"; then
    ref=explicit reftime=$xtime
    [ "$clock" = cpu ] && reftime=$xcpu
    want=$xexit
  else
    ref=tlc reftime=$twall
    xnote="explicit: exit $xexit $(first_error "$xlog"); "
  fi
  limit=$(awk -v f="$factor" -v t="$reftime" -v m="$floor" \
            'BEGIN { l = f * t; if (l < m) l = m; printf "%.1f", l }')
  for b in $backends; do
    slog=$logdir/$name.$b.log
    [ "$clock" = cpu ] && export BENCH_CPU_LIMIT=1
    bench_run "$limit" "$slog" check --backend "$b" --length "$length" --stats \
      --config "$corpus/examples/$cfg" "$corpus/examples/$tla"
    unset BENCH_CPU_LIMIT
    stime=$B_TIME
    [ "$clock" = cpu ] && stime=$B_CPU
    result=$(result_of "$B_EXIT" "$slog")
    case $result in
      NoError)
        d=$(sed -n 's/^brink: depth \([0-9]*\) checked.*/\1/p' "$slog" | tail -n 1)
        if [ -z "$d" ]; then grep -q 'no behaviour to check' "$slog" && d=0 || d=-1; fi ;;
      Timeout | Refused | ConfigError | OutOfMemory | error)
        d=$(sed -n 's/^brink: depth \([0-9]*\) checked.*/\1/p' "$slog" | tail -n 1)
        [ -n "$d" ] || d=-1 ;;
      *) d=$(steps_of "$slog") ;;
    esac
    used=$(sed -n 's/.*(.*backend \([a-z0-9]*\)[,;)].*/\1/p' "$slog" | tail -n 1)
    if [ -z "$used" ]; then
      if grep -q '^brink: stats depth [0-9]*:.* AIG nodes' "$slog"; then used=cadical
      elif grep -q '^brink: stats depth [0-9]*:.* terms translated' "$slog"; then used=z3; fi
    fi
    note=$xnote
    if [ "$clock" = cpu ] && [ "$result" != Timeout ] &&
       awk -v s="$stime" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
      result=Timeout note="${note}finished over the CPU limit (${stime} s); "
    fi
    case $result in
      NoError)
        if [ "$want" = 0 ] || [ "$steps" -gt 20 ]; then
          [ "$d" = "$length" ] && reached=yes || reached=no
        else
          reached=DISAGREE note="${note}no violation in $length steps; $tlcsays"
        fi ;;
      Deadlock | Violation | Property | Assert | EvalError | AssumptionFalse)
        if [ "$ref" = tlc ] && [ "$B_EXIT" = "$xexit" ]; then
          # The explicit engine failed the same way: not a verdict of brink's.
          reached=no note="both engines: $(first_error "$slog")"
        elif ! printf '%s' "$B_EXIT" | grep -qxE "$want" || [ "$steps" -gt 20 ] ||
           [ "$d" -gt "$steps" ] || { [ "$want" != 13 ] && [ "$d" != "$steps" ]; }; then
          reached=DISAGREE
          note="${note}$result after $d steps: $(first_error "$slog"); $tlcsays"
        else
          reached=yes
        fi ;;
      Timeout)
        reached=no
        if [ "$d" = "$length" ]; then
          note="${note}timeout after the invariants of all $d steps were checked (the last deadlock check or the liveness search unfinished)"
        else
          note="${note}timeout: depth $d of $length checked"
        fi ;;
      *) reached=no note="${note}$(first_error "$slog") (depth $d of $length checked)" ;;
    esac
    ratio=$(awk -v s="$stime" -v r="$reftime" 'BEGIN { if (r > 0) printf "%.1f", s / r }')
    note=$(printf '%s' "$note" | tr -d ',' | cut -c1-240)
    echo "$cfg,$tlc,$depth,${cex#-},$length,$xtime,$xcpu,$xexit,$xdistinct,$xdepth,$ref,$limit,$b,$used,$B_TIME,$B_CPU,$B_EXIT,$result,$d,$ratio,$reached,$note" >> "$out"
    printf '%-66s %4s %7ss %4s %6ss %-7s %7ss %-10s %5s %6s  %s\n' "$cfg" "$length" "$xshow" \
      "$xexit" "$limit" "${used:-$b}" "$stime" "$result" "$d" "$ratio" "$reached${note:+ ($note)}"
  done
done <<< "$rows"

echo
echo "CSV: $out (brink's output per run: $logdir/)"
awk -F, -v f="$factor" -v m="$floor" -v c="$xcap" -v k="$clock" 'NR > 1 {
    if ($21 == "skipped") { skipped++; next }
    runs[$13]++
    if ($21 == "yes") yes[$13]++
    else if ($21 == "DISAGREE") { dis[$13]++; miss = miss sprintf("    %s (%s): DISAGREE: %s\n", $1, $13, $22) }
    else { no[$13]++; miss = miss sprintf("    %s (%s): %s after %ss: %s\n", $1, $13, $18, (k == "cpu" ? $16 : $15), $22) }
    if ($14 != "") used[$13 " -> " $14]++
  }
  END {
    printf "goal: reach TLC'\''s depth (at most 20 steps) within %sx the explicit search (at least %s s, %s time); explicit searches over %s s skipped: %d\n", f, m, k, c, skipped
    for (b in runs)
      printf "  %s: %d rows, %d reached, %d missed, %d disagree\n", b, runs[b], yes[b], no[b], dis[b]
    for (u in used) printf "  back end used: %s: %d\n", u, used[u]
    if (miss != "") printf "  missed:\n%s", miss
  }' "$out"
