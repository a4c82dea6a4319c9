#!/usr/bin/env bash
# Build scripts/bench/TemplateBench.swift with swiftc -O against Sources/DFXBasics and Sources/DFXTemplate
# (no Package.swift change). Output: .build-bench/template-bench (git-ignored via .build-*/).
# Environment: DFX_ROOT (repo root, default: this checkout), SWIFTC.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${DFX_ROOT:-$(cd "$here/../.." && pwd)}"
swiftc="${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}"
build="$root/.build-bench"
mkdir -p "$build"
# Module sources, subfolders included (Sources/DFXTemplate is organised in Syntax/, Runtime/, ...).
mapfile -t basics < <(find "$root/Sources/DFXBasics" -name '*.swift' | sort)
mapfile -t template < <(find "$root/Sources/DFXTemplate" -name '*.swift' | sort)
flags=(-O -wmo -parse-as-library -package-name dfx -swift-version 6)
"$swiftc" "${flags[@]}" -module-name DFXBasics -emit-module -emit-module-path "$build/DFXBasics.swiftmodule" \
  -c -o "$build/DFXBasics.o" "${basics[@]}"
"$swiftc" "${flags[@]}" -module-name DFXTemplate -I "$build" -emit-module -emit-module-path "$build/DFXTemplate.swiftmodule" \
  -c -o "$build/DFXTemplate.o" "${template[@]}"
"$swiftc" "${flags[@]}" -module-name TemplateBench -I "$build" "$here/TemplateBench.swift" \
  "$build/DFXBasics.o" "$build/DFXTemplate.o" -o "$build/template-bench"
echo "$build/template-bench"
