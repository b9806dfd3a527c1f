#!/usr/bin/env bash
# Times brink's front end (lex, parse, resolve, level checking, printing,
# type inference) on generated specs that are large in one dimension, the
# sizes generated specs (trace modules, translated PlusCal) reach:
#
#   plus     X == 1 + 1 + ... + 1              N terms on one line
#   bullets  X == /\ x = 1  /\ x = 1 ...       N conjuncts in a bullet list
#   inline   X == x = 1 /\ x = 1 /\ ...        N conjuncts on one line
#   parens   X == ((((...x...))))              N nested parentheses
#   ident    an identifier of N characters      (an undefined name: an error)
#   ops      N characters of `+` (`++` tokens: a syntax error)
#   defs     N definitions D0 == 0 ...
#   setenum  {0, 1, ..., N-1};  record  [f0 |-> 0, ...] of N fields
#   case     CASE of N arms;    cfgset  a config set of N model values
#
# Each is run as `brink parse`, `brink parse --print` and `brink check`
# (explicit engine, a one-state model that checks the expression); the
# table gives the exit code, wall time and peak memory of each run.  Every
# front-end pass should be linear, so doubling N should double the time.
# The deep nesting must end with a located error, not a crash, past the
# parser's nesting limit.
#
# Usage: benchmarks/frontend_scale.sh [scale] [seconds-per-run]
#   scale (default 1; 0.1 is fine) multiplies the sizes: 100,000 terms, 50,000
#   conjuncts, 100,000 parentheses, a 10 MB identifier, 50,000
#   definitions, ... at scale 1.
#   BRINK: the binary (default ./brink).  Files go to build/frontend_scale/.
set -u
cd "$(dirname "$0")/.."
SCALE=${1:-1}
LIMIT=${2:-120}
BRINK=${BRINK:-./brink}
DIR=build/frontend_scale
mkdir -p "$DIR"

# gen NAME N: writes $DIR/NAME.tla and NAME.cfg.
gen() {
  local name=$1 n=$2 f=$DIR/$1.tla
  {
    echo "---- MODULE $name ----"
    echo "EXTENDS Naturals"
    echo "VARIABLE x"
    echo "Init == x = 1"
    echo "Next == UNCHANGED x"
    case $name in
    plus*)
      printf 'X == '
      awk -v n="$n" 'BEGIN { printf "1"; for (i = 1; i < n; i++) printf " + 1"; print "" }'
      echo "Inv == X = $n"
      ;;
    bullets*)
      echo "X =="
      awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) print "  /\\ x = 1" }'
      echo "Inv == X"
      ;;
    inline*)
      printf 'X == '
      awk -v n="$n" 'BEGIN { printf "x = 1"; for (i = 1; i < n; i++) printf " /\\ x = 1"; print "" }'
      echo "Inv == X"
      ;;
    parens*)
      printf 'X == '
      awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "("; printf "x = 1";
                             for (i = 0; i < n; i++) printf ")"; print "" }'
      echo "Inv == X"
      ;;
    defs*)
      awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "D%d == %d\n", i, i }'
      echo "Inv == D$((n - 1)) = $((n - 1))"
      ;;
    setenum*)
      printf 'S == {'
      awk -v n="$n" 'BEGIN { printf "0"; for (i = 1; i < n; i++) printf ", %d", i; print "}" }'
      echo "Inv == 5 \\in S"
      ;;
    record*)
      printf 'R == ['
      awk -v n="$n" 'BEGIN { printf "f0 |-> 0"; for (i = 1; i < n; i++) printf ", f%d |-> %d", i, i; print "]" }'
      echo "Inv == R.f7 = 7"
      ;;
    case*)
      printf 'C == CASE '
      awk -v n="$n" 'BEGIN { printf "x = 0 -> 0"; for (i = 1; i < n; i++) printf " [] x = %d -> %d", i, i; print "" }'
      echo "Inv == C = 1"
      ;;
    cfgset*)
      echo "CONSTANT S"
      echo "Inv == x \\notin S"
      ;;
    ops*)
      printf 'X == 1 '
      awk -v n="$n" 'BEGIN { s = "+"; while (length(s) * 2 <= n) s = s s;
                             printf "%s%s 1\n", s, substr(s, 1, n - length(s)) }'
      echo "Inv == X"
      ;;
    ident*)
      printf 'X == x = '
      awk -v n="$n" 'BEGIN { s = "a"; while (length(s) * 2 <= n) s = s s;
                             printf "%s%s\n", s, substr(s, 1, n - length(s)) }'
      echo "Inv == X"
      ;;
    esac
    echo "===="
  } >"$f"
  printf 'INIT Init\nNEXT Next\nINVARIANT Inv\n' >"$DIR/$name.cfg"
  case $name in
  cfgset*)
    awk -v n="$n" 'BEGIN { printf "CONSTANT S = {m0"; for (i = 1; i < n; i++) printf ", m%d", i; print "}" }' \
      >>"$DIR/$name.cfg"
    ;;
  esac
}

# run LABEL ARGS...: one timed run, one table row.
run() {
  local label=$1
  shift
  local t0 t1 rc rss
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$DIR/time.txt" timeout "$LIMIT" "$BRINK" "$@" \
    >"$DIR/out.txt" 2>"$DIR/err.txt"
  rc=$?
  t1=$(date +%s.%N)
  rss=$(tail -1 "$DIR/time.txt" 2>/dev/null)
  printf '%-28s %4s %9.2f %9s %9s\n' "$label" "$rc" \
    "$(echo "$t1 - $t0" | bc)" "$((${rss:-0} / 1024))" \
    "$(wc -c <"$DIR/err.txt")"
}

printf '%-28s %4s %9s %9s %9s\n' "input" "exit" "time_s" "rss_mb" "err_bytes"
for spec in "plus 100000" "bullets 50000" "inline 50000" "parens 100000" \
  "ident 10000000" "ops 10000000" "defs 50000" "setenum 100000" "record 50000" \
  "case 20000" "cfgset 100000"; do
  set -- $spec
  name=$1
  n=$(awk -v n="$2" -v s="$SCALE" 'BEGIN { print int(n * s) }')
  gen "$name" "$n"
  run "$name $n parse" parse "$DIR/$name.tla"
  case $name in
  parens* | ident* | ops*) continue ;;
  esac
  run "$name $n print" parse --print "$DIR/$name.tla"
  run "$name $n check" check --engine explicit --config "$DIR/$name.cfg" "$DIR/$name.tla"
done
