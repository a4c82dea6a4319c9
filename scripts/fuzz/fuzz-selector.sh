#!/usr/bin/env bash
# Fuzz the selector parser and evaluator with libFuzzer.
#   scripts/fuzz/fuzz-selector.sh [seconds]   (default 60)
# Builds DFXBasics + DFXGraph + SelectorFuzzer.swift as one module with -sanitize=fuzzer,address,
# seeds a corpus from selector strings used in the tests, and runs until the time is up.
# Leak detection is off: the Swift runtime keeps one-time metadata allocations that ASan reports.
# Crashes are written to .build/fuzz-selector/crash-*; rerun one with: .build/fuzz-selector/fuzzer <file>
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-60}"
work="$root/.build/fuzz-selector"
mkdir -p "$work/src" "$work/corpus"
rm -f "$work/src/"*.swift
cp "$root"/Sources/DFXBasics/*.swift "$root"/Sources/DFXGraph/*.swift "$root/scripts/fuzz/SelectorFuzzer.swift" "$work/src/"
# One module: the cross-module import is not needed.
sed -i '/^import DFXBasics$/d' "$work/src/"*.swift
swiftc -sanitize=fuzzer,address -parse-as-library -O -package-name dfx -module-name SelectorFuzz \
  "$work/src/"*.swift -o "$work/fuzzer"

# Seeds: every quoted selector-looking string in the graph tests.
grep -ohE '"[^"]*"' "$root"/Tests/DFXGraphTests/*.swift | sed 's/^"//; s/"$//' | sort -u | {
  n=0
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" > "$work/corpus/seed-$n"
  done
}
printf 'a+ @b\n+c,tag:x' > "$work/corpus/seed-exclude"
printf 'path:**/**/**/*/**/x' > "$work/corpus/seed-path"

cd "$work"
ASAN_OPTIONS=detect_leaks=0 ./fuzzer -max_total_time="$seconds" -max_len=256 -timeout=5 -detect_leaks=0 corpus
