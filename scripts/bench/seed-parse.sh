#!/usr/bin/env bash
# Seed parsing benchmark: generate a CSV (default 1.5M rows, ~150 MB) with quoted fields, embedded
# delimiters, quotes and newlines, leading-zero codes, decimals, booleans, dates, timestamps and NULLs;
# build scripts/bench/SeedBench.swift with swiftc -O against DFXBasics, DFXSQL and DFXSeed (no
# Package.swift change); print rows/s for parse + inference, COPY encoding and SQLite values.
#
#   scripts/bench/seed-parse.sh [rows]
#
# When DFX_TEST_POSTGRES_URL is set (eval "$(scripts/postgres-start.sh)"), it then loads the comma
# fixtures of Tests/DFXSeedTests/Fixtures/CSV and the generated file into that server through psql:
# CREATE TABLE with the inferred types, COPY FROM STDIN with dfx's COPY text, and a row count check,
# so every inferred type and escape is checked against real PostgreSQL (and the load timed).
#
# Output in .build-bench/ (git-ignored via .build-*/). Environment: DFX_ROOT, SWIFTC.
set -euo pipefail
rows="${1:-1500000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${DFX_ROOT:-$(cd "$here/../.." && pwd)}"
swiftc="${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}"
build="$root/.build-bench"
mkdir -p "$build"
csv="$build/seed-$rows.csv"

if [[ ! -s "$csv" ]]; then
  echo "== generating $csv"
  "$here/seed-csv.sh" "$rows" "$csv"
fi
ls -l "$csv" | awk '{ printf "file: %s bytes\n", $5 }'

echo "== building SeedBench (swiftc -O)"
flags=(-O -wmo -parse-as-library -package-name dfx -swift-version 6)
mapfile -t basics < <(find "$root/Sources/DFXBasics" -name '*.swift' | sort)
mapfile -t sql < <(find "$root/Sources/DFXSQL" -name '*.swift' | sort)
mapfile -t seed < <(find "$root/Sources/DFXSeed" -name '*.swift' | sort)
"$swiftc" "${flags[@]}" -module-name DFXBasics -emit-module -emit-module-path "$build/DFXBasics.swiftmodule" \
  -c -o "$build/DFXBasics.o" "${basics[@]}"
"$swiftc" "${flags[@]}" -module-name DFXSQL -I "$build" -emit-module -emit-module-path "$build/DFXSQL.swiftmodule" \
  -c -o "$build/DFXSQL.o" "${sql[@]}"
"$swiftc" "${flags[@]}" -module-name DFXSeed -I "$build" -emit-module -emit-module-path "$build/DFXSeed.swiftmodule" \
  -c -o "$build/DFXSeed.o" "${seed[@]}"
"$swiftc" "${flags[@]}" -module-name SeedBench -I "$build" "$here/SeedBench.swift" \
  "$build/DFXBasics.o" "$build/DFXSQL.o" "$build/DFXSeed.o" -o "$build/seed-bench"

echo "== running"
"$build/seed-bench" "$csv"

if [[ -n "${DFX_TEST_POSTGRES_URL:-}" ]]; then
  echo "== loading into PostgreSQL"
  status=0
  for fixture in tricky zip_codes multiline_notes windows_export timestamps; do
    "$build/seed-bench" "$root/Tests/DFXSeedTests/Fixtures/CSV/$fixture.csv" --sql "seed_$fixture" \
      | psql "$DFX_TEST_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 -At -F ' ' 2>&1 | grep -v NOTICE || status=1
  done
  start=$(date +%s.%N)
  "$build/seed-bench" "$csv" --sql seed_bench | psql "$DFX_TEST_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 -At -F ' ' 2>&1 \
    | grep -v NOTICE || status=1
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v r="$rows" 'BEGIN { printf "COPY load of %d rows: %.2f s = %d rows/s\n", r, e - s, r / (e - s) }'
  exit $status
fi
