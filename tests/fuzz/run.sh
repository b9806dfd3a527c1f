#!/bin/sh
# run.sh -- runs one of brink's libFuzzer harnesses (built by `make fuzz`).
#
#   tests/fuzz/run.sh parse|cfg|pluscal [SECONDS]     (default 600 seconds)
#
# The first run seeds build-fuzz/corpus_<target>/ from the shared corpus
# (../shared/corpus), brink's own tests and shipped modules; later runs go
# on from what is there.  The fuzzer runs in fork mode with one job (the
# front end keeps parsed trees for the whole run, so a child process is
# bounded in time, not the fuzzing).  Crashes land in
# build-fuzz/crashes_<target>/; the log is build-fuzz/<target>.log.
set -eu
cd "$(dirname "$0")/../.."
target=${1:?usage: tests/fuzz/run.sh parse|cfg|pluscal [SECONDS]}
secs=${2:-600}
bin=build-fuzz/fuzz_$target
[ -x "$bin" ] || { echo "run.sh: $bin missing (make fuzz)" >&2; exit 2; }
corpus=build-fuzz/corpus_$target
crashes=build-fuzz/crashes_$target
mkdir -p "$corpus" "$crashes"
if [ -z "$(ls -A "$corpus")" ]; then
  case $target in
  parse|pluscal) ext=tla ;;
  cfg) ext=cfg ;;
  *) echo "run.sh: unknown target $target" >&2; exit 2 ;;
  esac
  n=0
  for f in $(find ../shared/corpus tests src/front/modules specs -name "*.$ext" 2>/dev/null); do
    n=$((n + 1))
    cp "$f" "$corpus/seed_$n.$ext"
  done
  echo "run.sh: seeded $corpus with $n files"
fi
dict=tests/fuzz/$target.dict
dictarg=
[ -f "$dict" ] && dictarg=-dict=$dict
ASAN_OPTIONS=detect_leaks=0 exec "$bin" -fork=1 -max_total_time="$secs" -max_len=4096 -timeout=10 -detect_leaks=0 \
  -rss_limit_mb=2048 -artifact_prefix="$crashes/" $dictarg "$corpus" \
  >"build-fuzz/$target.log" 2>&1
