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
  awk -v rows="$rows" 'BEGIN {
    srand(42)
    print "id,customer_code,name,amount,is_active,order_date,updated_at,note,zip"
    for (i = 1; i <= rows; i++) {
      name = (i % 7 == 0) ? sprintf("\"Smith, Jane %d\"", i) : sprintf("customer_%d", i)
      note = (i % 11 == 0) ? "\"said \"\"hi\"\"\nthen left\"" : ((i % 5 == 0) ? "" : sprintf("note number %d for this row", i))
      printf "%d,C%06d,%s,%d.%02d,%s,2024-%02d-%02d,2024-%02d-%02d %02d:%02d:%02d.%03d,%s,%05d\n",
        i, i % 1000000, name, int(rand() * 100000), i % 100, (i % 3 ? "true" : "false"),
        1 + i % 12, 1 + i % 28, 1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60, i % 1000, note, i % 100000
    }
  }' >"$csv"
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
