#!/usr/bin/env bash
# Fuzz DFXTemplate (lexer, parser, compiler, renderer) with libFuzzer + AddressSanitizer.
#
#   scripts/fuzz/fuzz-template.sh [seconds] [extra libFuzzer flags...]     (default 60 s)
#
# Builds DFXBasics and DFXTemplate as separate modules straight from Sources/ with swiftc (no
# Package.swift change), links scripts/fuzz/TemplateFuzzer.swift as the entry, seeds the corpus from
# the conformance cases and the benchmark templates, and runs. Everything goes to fuzz-out/
# (git-ignored): build/, corpus/, seeds/, crashes/ (crash-*, timeout-*, oom-* reproducers).
# Reproduce one crash: fuzz-out/build/template-fuzzer fuzz-out/crashes/crash-<hash>
# Environment: DFX_ROOT (repo root, default: this checkout), SWIFTC (default: swiftc on PATH or /opt/swift).
set -euo pipefail

seconds="${1:-60}"
shift || true
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${DFX_ROOT:-$(cd "$here/../.." && pwd)}"
swiftc="${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}"
out="$root/fuzz-out"
build="$out/build"
mkdir -p "$build" "$out/corpus" "$out/crashes"

# Module sources, subfolders included (Sources/DFXTemplate is organised in Syntax/, Runtime/, ...).
mapfile -t basics < <(find "$root/Sources/DFXBasics" -name '*.swift' | sort)
mapfile -t template < <(find "$root/Sources/DFXTemplate" -name '*.swift' | sort)
flags=(-O -parse-as-library -sanitize=fuzzer,address -package-name dfx -swift-version 6 -g)

echo "== building DFXBasics"
"$swiftc" "${flags[@]}" -wmo -module-name DFXBasics -emit-module -emit-module-path "$build/DFXBasics.swiftmodule" \
  -c -o "$build/DFXBasics.o" "${basics[@]}"
echo "== building DFXTemplate"
"$swiftc" "${flags[@]}" -wmo -module-name DFXTemplate -I "$build" -emit-module \
  -emit-module-path "$build/DFXTemplate.swiftmodule" -c -o "$build/DFXTemplate.o" "${template[@]}"
echo "== linking the fuzzer"
"$swiftc" "${flags[@]}" -module-name TemplateFuzzer -I "$build" "$here/TemplateFuzzer.swift" \
  "$build/DFXBasics.o" "$build/DFXTemplate.o" -o "$build/template-fuzzer"

python3 "$here/extract-seeds.py" "$out/seeds"

echo "== fuzzing for ${seconds}s"
# -timeout: one input may take at most 10 s (the step budget should stop runaway loops long before).
# -rss_limit_mb: 2 GB, the machine is shared. ASAN_OPTIONS: report stack overflows, not silent deaths.
ASAN_OPTIONS="detect_leaks=0:detect_stack_use_after_return=0" \
  "$build/template-fuzzer" "$out/corpus" "$out/seeds" \
  -dict="$here/template.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1 "$@"
