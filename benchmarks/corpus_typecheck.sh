#!/usr/bin/env bash
# Typechecks every model of ../shared/corpus/models.tsv and lists those that
# do not typecheck (exit code and first error), then the type warnings
# (mismatches in definitions the model does not use).
# Usage: benchmarks/corpus_typecheck.sh [brink binary]
set -u
cd "$(dirname "$0")/.."
brink=${1:-./brink}
corpus=../shared/corpus
ok=0 total=0 fails="" warns=""
while IFS=$'\t' read -r dir tla cfg rest; do
  total=$((total + 1))
  err=$(timeout 60 "$brink" typecheck --config "$corpus/examples/$cfg" \
    "$corpus/examples/$tla" 2>&1 >/dev/null)
  rc=$?
  if [ $rc -eq 0 ]; then
    ok=$((ok + 1))
  else
    fails+="  $cfg (exit $rc): $(echo "$err" | grep -m1 'error:' | sed "s#$corpus/examples/##")"$'\n'
  fi
  w=$(echo "$err" | grep 'warning: .*which this model does not use' | sed "s#$corpus/examples/##")
  [ -n "$w" ] && warns+="  $cfg: $w"$'\n'
done < <(tail -n +2 "$corpus/models.tsv")
echo "typecheck: $ok of $total models"
[ -n "$fails" ] && printf 'do not typecheck:\n%s' "$fails"
[ -n "$warns" ] && printf 'type warnings in unused definitions:\n%s' "$warns"
exit 0
