#!/usr/bin/env bash
# brink's PlusCal translation against the PlusCal translator's, as text.
# Every module that holds an algorithm is copied twice; `brink translate
# -nocfg` rewrites one copy, the translator (`pcal.trans -nocfg` from TLC's
# tla2tools.jar, an oracle brink never needs) the other, and the two files
# are compared line by line, the checksum comments of the BEGIN TRANSLATION
# line aside.  The modules are those of the PlusCal models of the corpus
# ($SHARED/corpus, default ../shared/corpus) and, when folders are given,
# every .tla file in them with an algorithm (TLC's test-model/pcal, say).
# For the corpus the committed translation is compared with the
# translator's too, so that a difference due to an older translator (it
# put `pc` last in VARIABLES and vars) is told apart from one of brink's.
# A module both refuse (TLC's test models hold a few bad algorithms) is
# counted apart; one that only one of them refuses counts as failed.
# Usage: benchmarks/pluscal_text.sh TLA2TOOLS.jar [DIR...]
#   prints per module the lines that differ (brink vs translator, and for
#   the corpus committed vs translator), then totals; exit 1 if brink's
#   text differs anywhere or only one of the two translates a module.
set -u
cd "$(dirname "$0")/.."
jar=${1:?usage: benchmarks/pluscal_text.sh TLA2TOOLS.jar [DIR...]}
shift
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
brink=$(pwd)/${BRINK:-brink}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
same=0; differ=0; failed=0; refused=0; n=0
strip() { grep -v 'BEGIN TRANSLATION' "$1"; }

# compare NAME FILE COMMITTED: translate FILE both ways; COMMITTED (0/1)
# also compares the file's own translation with the translator's
compare() {
  local name=$1 f=$2 committed=$3 m b p db dc v
  n=$((n + 1)); m=$(basename "$f")
  mkdir -p "$work/$n/brink" "$work/$n/pcal"
  cp "$f" "$work/$n/brink/"; cp "$f" "$work/$n/pcal/"
  (cd "$work/$n/brink" && timeout 120 "$brink" translate -nocfg "$m" > /dev/null 2>&1)
  b=$?
  (cd "$work/$n/pcal" && timeout 120 java -cp "$jar" pcal.trans -nocfg "$m" > /dev/null 2>&1)
  p=$?
  if [ $b != 0 ] && [ $p != 0 ]; then
    printf '%-64s REFUSED by both: brink exit %s, translator exit %s\n' "$name" $b $p
    refused=$((refused + 1)); return
  fi
  if [ $b != 0 ] || [ $p != 0 ]; then
    printf '%-64s FAILED brink exit %s, translator exit %s\n' "$name" $b $p
    failed=$((failed + 1)); return
  fi
  db=$(diff <(strip "$work/$n/brink/$m") <(strip "$work/$n/pcal/$m") | grep -c '^[<>]')
  if [ "$db" = 0 ]; then same=$((same + 1)); v=same; else differ=$((differ + 1)); v=DIFFER; fi
  if [ "$committed" = 1 ]; then
    dc=$(diff <(strip "$f") <(strip "$work/$n/pcal/$m") | grep -c '^[<>]')
    printf '%-64s %-6s brink/translator %s lines, committed/translator %s lines\n' \
      "$name" $v "$db" "$dc"
  else
    printf '%-64s %-6s brink/translator %s lines\n' "$name" $v "$db"
  fi
  [ "$db" = 0 ] || diff <(strip "$work/$n/brink/$m") <(strip "$work/$n/pcal/$m") | head -20
}

# the folders of the corpus's PlusCal models, then their modules with an
# algorithm
corpus=$(cd "${SHARED:-../shared}/corpus" 2>/dev/null && pwd)
if [ -n "$corpus" ] && [ -f "$corpus/models.tsv" ]; then
  dirs=$(awk -F'\t' 'NR > 1 && $12 == 1 { print $1 }' "$corpus/models.tsv" | sort -u)
  for d in $dirs; do
    for f in $(grep -lE -e '--(fair )?algorithm' "$corpus/examples/$d"/*.tla 2>/dev/null); do
      compare "$d/$(basename "$f")" "$f" 1
    done
  done
else
  echo "pluscal_text: ${SHARED:-../shared}/corpus is absent; skipping the corpus"
fi
for dir in "$@"; do
  for f in $(grep -lE -e '--(fair )?algorithm' "$dir"/*.tla 2>/dev/null); do
    compare "$(basename "$dir")/$(basename "$f")" "$f" 0
  done
done
echo "PlusCal translations: $same identical to the translator's, $differ differ, $failed failed, $refused refused by both, of $n modules"
[ $differ = 0 ] && [ $failed = 0 ]
