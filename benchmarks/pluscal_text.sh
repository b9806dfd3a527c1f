#!/usr/bin/env bash
# brink's PlusCal translation against the PlusCal translator's, as text.
# Every module of ../shared/corpus that holds an algorithm is copied twice;
# `brink translate -nocfg` rewrites one copy, the translator (`pcal.trans
# -nocfg` from TLC's tla2tools.jar, an oracle brink never needs) the other,
# and the two files are compared line by line, the checksum comments of the
# BEGIN TRANSLATION line aside.  The committed translation is compared with
# the translator's too, so that a difference due to an older translator (it
# put `pc` last in VARIABLES and vars) is told apart from one of brink's.
# Usage: benchmarks/pluscal_text.sh TLA2TOOLS.jar
#   prints per module the lines that differ (brink vs translator, committed
#   vs translator), then totals; exit 1 if brink's text differs anywhere.
set -u
cd "$(dirname "$0")/.."
jar=${1:?usage: benchmarks/pluscal_text.sh TLA2TOOLS.jar}
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
brink=$(pwd)/${BRINK:-brink}
corpus=$(cd ../shared/corpus 2>/dev/null && pwd) && [ -f "$corpus/models.tsv" ] || {
  echo "pluscal_text: ../shared/corpus is absent; nothing to do"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
same=0; differ=0; failed=0; n=0

# the folders of the PlusCal models, then their modules with an algorithm
dirs=$(awk -F'\t' 'NR > 1 && $12 == 1 { print $1 }' "$corpus/models.tsv" | sort -u)
for d in $dirs; do
  for f in $(grep -lE -e '--(fair )?algorithm' "$corpus/examples/$d"/*.tla 2>/dev/null); do
    n=$((n + 1)); m=$(basename "$f")
    mkdir -p "$work/$n/brink" "$work/$n/pcal"
    cp "$f" "$work/$n/brink/"; cp "$f" "$work/$n/pcal/"
    (cd "$work/$n/brink" && "$brink" translate -nocfg "$m" > /dev/null 2>&1)
    b=$?
    (cd "$work/$n/pcal" && timeout 120 java -cp "$jar" pcal.trans -nocfg "$m" > /dev/null 2>&1)
    p=$?
    if [ $b != 0 ] || [ $p != 0 ]; then
      printf '%-64s FAILED brink exit %s, translator exit %s\n' "$d/$m" $b $p
      failed=$((failed + 1)); continue
    fi
    strip() { grep -v 'BEGIN TRANSLATION' "$1"; }
    db=$(diff <(strip "$work/$n/brink/$m") <(strip "$work/$n/pcal/$m") | grep -c '^[<>]')
    dc=$(diff <(strip "$f") <(strip "$work/$n/pcal/$m") | grep -c '^[<>]')
    if [ "$db" = 0 ]; then same=$((same + 1)); v=same; else differ=$((differ + 1)); v=DIFFER; fi
    printf '%-64s %-6s brink/translator %s lines, committed/translator %s lines\n' \
      "$d/$m" $v "$db" "$dc"
    [ "$db" = 0 ] || diff <(strip "$work/$n/brink/$m") <(strip "$work/$n/pcal/$m") | head -20
  done
done
echo "PlusCal translations: $same identical to the translator's, $differ differ, $failed failed, of $n modules"
[ $differ = 0 ] && [ $failed = 0 ]
