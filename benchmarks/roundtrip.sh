#!/usr/bin/env bash
# Round trip of the printer over the examples corpus: every .tla file under
# ../shared/corpus/examples that `brink parse` accepts is printed, parsed
# again and compared with its first parse (`brink parse --roundtrip`).
# Prints the files whose round trip fails, then the counts; exits 1 if any
# failed.  Usage: benchmarks/roundtrip.sh [brink-binary]
set -u
cd "$(dirname "$0")/.."
brink=${1:-./brink}
corpus=../shared/corpus/examples
total=0 parsed=0 equal=0
failed=()
while IFS= read -r f; do
  total=$((total + 1))
  timeout 30 "$brink" parse "$f" >/dev/null 2>&1 || continue
  parsed=$((parsed + 1))
  if out=$(timeout 30 "$brink" parse --roundtrip "$f" 2>&1 >/dev/null); then
    equal=$((equal + 1))
  else
    failed+=("$f")
    echo "FAIL $f"
    echo "$out" | head -5 | sed 's/^/    /'
  fi
done < <(find "$corpus" -name '*.tla' | sort)
echo "roundtrip: $equal of $parsed modules that brink parses round-trip equal" \
     "($total .tla files, $((total - parsed)) not parsed)"
[ ${#failed[@]} -eq 0 ]
