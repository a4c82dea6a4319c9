#!/usr/bin/env bash
# Fuzz DFXYAML with libFuzzer + AddressSanitizer.
# Usage: scripts/fuzz/fuzz-yaml.sh [seconds, default 60]   (run from the repository root)
# Output (binary, corpus, crash files) goes to fuzz-out/yaml/, which git ignores.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/fuzz-out/yaml"
mkdir -p "$out/corpus"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -package-name dfx)

cd "$out"
swiftc "${flags[@]}" -module-name DFXBasics -emit-module -emit-library -static \
    -o libDFXBasics.a "$root"/Sources/DFXBasics/*.swift
swiftc "${flags[@]}" -module-name DFXYAML -I . -I "$root/Sources/CYAML" -emit-module -emit-library -static \
    -o libDFXYAML.a "$root"/Sources/DFXYAML/*.swift
swiftc "${flags[@]}" -I . -I "$root/Sources/CYAML" "$root/scripts/fuzz/YAMLFuzzer.swift" \
    libDFXYAML.a libDFXBasics.a -lyaml -o yaml-fuzzer

# Seeds: the inputs quoted in the golden files, one file per case.
awk -v dir="$out/corpus" '
    /^## / { n++; file = sprintf("%s/golden-%03d.yml", dir, n); next }
    /^> / && file { print substr($0, 3) > file }
' "$root"/Tests/DFXYAMLTests/Golden/*.txt

./yaml-fuzzer -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=2048 corpus
