# Shared by the benchmark runners (apalache_bmc.sh, parametric.sh, seeds.sh,
# symbolic_depth.sh, liveness_corpus.sh, liveness_lasso.sh); sourced, not
# run.
#
# bench_run LIMIT LOG brink-args...
#   Runs brink with a time limit of LIMIT seconds (and a memory limit of
#   $BENCH_MEM_MB megabytes, default 8000) and sets
#     B_TIME    wall seconds (two decimals)
#     B_CPU     CPU seconds, user and system (two decimals)
#     B_EXIT    brink's exit code (124 or 137: stopped by timeout(1))
#     B_RSS     peak resident memory in megabytes
#     B_RESULT  NoError, Violation, Deadlock, Timeout or error
#     B_DEPTH   for NoError the length checked, for Violation/Deadlock the
#               steps of the counterexample, for Timeout the deepest step
#               whose invariants were checked (-1: not even the initial
#               states), from brink's progress lines
#   The limit is brink's own --timeout (it stops cleanly and says how deep
#   it got), with timeout(1) 10 s later as a guard.
#     B_NOTE    for an error, brink's first error line (commas removed)
#   brink's output goes to LOG.
#
# bench_cpu_run LIMIT brink-check-args...
#   Runs `brink check` with a CPU limit of LIMIT seconds (ulimit -t; wall
#   clock 4x as long as a guard) and sets
#     code    brink's exit code (124 when a limit stopped it)
#     secs    CPU seconds, user and system (two decimals)
#     out     brink's standard output
#     reason  brink's first error line, or its first "Error:", "brink: not
#             checked" or "brink: internal" line of output
#   For the liveness benchmarks, which compare CPU times of runs that end
#   on their own.
#
# bench_summary CSV TIME_COL RESULT_COL OK_COL OK_REGEX SPEEDUP_COL NAME_COLS [SPEEDUP2_COL LABEL2]
#   Prints, over the runs that finished as expected (column OK_COL matches
#   OK_REGEX) and have a published time, the median speedup and how many
#   runs are at least 10x faster; lists the runs slower than the published
#   time, those that finished where the published run had no time (it timed
#   out), and those that did not finish as expected.  Columns are numbers;
#   NAME_COLS is a comma-separated list of the columns that name a run.
#   SPEEDUP2_COL: a second speedup column whose median is printed too
#   (labelled LABEL2).

BENCH_BRINK=${BRINK:-./brink}

bench_cpu_run() {
  local limit=$1 errf tf
  shift
  errf=$(mktemp); tf=$(mktemp)
  out=$( (ulimit -t "$limit"; exec /usr/bin/time -o "$tf" -f "%U %S" \
          timeout "$((4 * limit))" "$BENCH_BRINK" check "$@") 2>"$errf")
  code=$?
  case $code in 137|152) code=124 ;; esac
  secs=$(tail -1 "$tf" | awk '{ printf "%.2f", $1 + $2 }')
  reason=$(grep -m1 -E 'error:|Error:' "$errf"; printf '%s\n' "$out" |
           grep -m1 -E '^Error:|^brink: (not checked|internal)')
  rm -f "$tf" "$errf"
}

bench_run() {
  local limit=$1 log=$2
  shift 2
  local tfile
  tfile=$(mktemp)
  (
    ulimit -v $((${BENCH_MEM_MB:-8000} * 1024)) 2>/dev/null
    if [ -n "${BENCH_CPU_LIMIT:-}" ]; then
      # CPU seconds (whole, rounded up): SIGXCPU ends the run (exit 152,
      # taken as a timeout); the wall clock only guards against a hang.
      ulimit -t "$(awk -v l="$limit" 'BEGIN { c = int(l); if (c < l) c++; print c }')"
      limit=$(awk -v l="$limit" 'BEGIN { printf "%d", 4 * l + 10 }')
    fi
    /usr/bin/time -o "$tfile" -f '%e %M %U %S' \
      timeout -k 5 "$((${limit%.*} + 10))" "$BENCH_BRINK" "$@" --timeout "$limit" \
      > "$log" 2>&1
  )
  local code=$?
  [ "$code" = 152 ] && code=124
  B_EXIT=$code
  local usr sys
  read -r B_TIME B_RSS usr sys < <(tail -n 1 "$tfile")
  rm -f "$tfile"
  case $B_TIME in '' | *[!0-9.]*) B_TIME=$limit ;; esac
  case $usr$sys in '' | *[!0-9.]*) B_CPU= ;; *) B_CPU=$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') ;; esac
  case $B_RSS in '' | *[!0-9]*) B_RSS=0 ;; esac
  B_TIME=$(printf '%.2f' "$B_TIME")
  B_RSS=$((B_RSS / 1024))
  B_NOTE=
  B_DEPTH=$(sed -n 's/^brink: depth \([0-9]*\) checked.*/\1/p' "$log" | tail -n 1)
  [ -n "$B_DEPTH" ] || B_DEPTH=-1
  case $code in
    0) B_RESULT=NoError ;;
    12) B_RESULT=Violation ;;
    11) B_RESULT=Deadlock ;;
    124 | 137) B_RESULT=Timeout ;;
    *) B_RESULT=error ;;
  esac
  grep -q '^brink: TIMEOUT: ' "$log" && B_RESULT=Timeout
  if [ "$B_RESULT" = Violation ] || [ "$B_RESULT" = Deadlock ]; then
    local steps
    steps=$(sed -n 's/.* after \([0-9]*\) steps\{0,1\} (a shortest.*/\1/p' "$log" | tail -n 1)
    [ -n "$steps" ] || steps=$(grep -c '^State [0-9]*:' "$log")
    B_DEPTH=$steps
  fi
  if [ "$B_RESULT" = error ]; then
    # brink's own last word first (its diagnostics may include type
    # errors that do not stop a check), else the first located error.
    B_NOTE=$(grep '^brink: ' "$log" | grep -v -E '^brink: (note|warning|depth|--cinit)' |
             tail -n 1 | sed 's/^brink: //')
    [ -n "$B_NOTE" ] || B_NOTE=$(grep -m1 -E 'error|out of memory' "$log")
    B_NOTE=$(printf '%s' "$B_NOTE" | tr -d ',' | cut -c1-160)
    [ -n "$B_NOTE" ] || B_NOTE="exit $code"
  fi
}

bench_summary() {
  local csv=$1 tcol=$2 rcol=$3 okcol=$4 ok=$5 scol=$6 ncols=$7 s2col=${8:-0} s2label=${9:-}
  awk -F, -v t="$tcol" -v r="$rcol" -v oc="$okcol" -v ok="$ok" -v s="$scol" \
      -v nc="$ncols" -v s2="$s2col" -v s2l="$s2label" '
    function name(   k, parts, n, out) {
      n = split(nc, parts, ",")
      out = $parts[1]
      for (k = 2; k <= n; k++) out = out " " $parts[k]
      return out
    }
    function median(a, n,   i, j, v) { # insertion sort: a few hundred rows
      for (i = 2; i <= n; i++) {
        v = a[i]
        for (j = i - 1; j >= 1 && a[j] > v; j--) a[j + 1] = a[j]
        a[j + 1] = v
      }
      return n == 0 ? "-" : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2) "x"
    }
    NR == 1 { next }
    {
      total++
      if ($oc ~ ok) {
        done++
        if (s2 && $s2 != "") sp2[++n2] = $s2 + 0
        if ($s == "") {
          beyond = beyond sprintf("    %s: %ss\n", name(), $t)
          next
        }
        sp[++n] = $s + 0
        if ($s + 0 >= 10) fast++
        if ($s + 0 < 1) slower = slower sprintf("    %s: %ss (%sx)\n", name(), $t, $s)
      } else if ($r == "Skipped")
        skipped = skipped sprintf("    %s: skipped (a smaller size timed out)\n", name())
      else
        unfinished = unfinished sprintf("    %s: %s after %ss\n", name(), $r, $t)
    }
    END {
      printf "summary: %d runs; %d finished with the expected verdict\n", total, done
      printf "  median speedup over the published time: %s (%d runs with a published time)\n",
             median(sp, n), n
      if (s2) printf "  median speedup over %s: %s (%d runs)\n", s2l, median(sp2, n2), n2
      printf "  at least 10x faster: %d of %d runs\n", fast, total
      printf "  slower than the published time: %s\n", slower == "" ? "none" : ""
      printf "%s", slower
      if (beyond != "") printf "  finished where the published run timed out:\n%s", beyond
      printf "  did not finish with the expected verdict (timeout, error, other verdict): %s\n",
             unfinished == "" ? "none" : ""
      printf "%s", unfinished
      if (skipped != "") printf "%s", skipped
    }' "$csv"
}
