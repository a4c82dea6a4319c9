#!/usr/bin/env bash
# Compiles one synthetic project with both dfx and dbt and diffs the compiled SQL of every model; with
# --run, also builds it with dbt (views, tables, incrementals, tests) on empty raw tables, to check the
# generated SQL is valid PostgreSQL.
#
#   scripts/bench/compile/compare-compiled.sh PROJECT_DIR [--run]
#
# dbt compile needs a live database (is_incremental() looks the relation up), so a throwaway server is
# started with scripts/postgres-start.sh and stopped on exit. Output: a summary on stdout, the full diff
# in PROJECT_DIR/../compare-<name>.diff. Needs a release dfx (swift build -c release --static-swift-stdlib --product dfx).
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$PWD
[ $# -ge 1 ] || { sed -n '2,10p' "$0"; exit 2; }
PROJECT=$(cd "$1" && pwd)
RUN=0
[ "${2:-}" = "--run" ] && RUN=1
DBT_BIN=${DBT_BIN:-/tmp/dbtvenv/bin/dbt}
DFX="$(swift build -c release --show-bin-path)/dfx"
[ -x "$DFX" ] || { echo "compare-compiled: build dfx first: swift build -c release --static-swift-stdlib --product dfx" >&2; exit 1; }

eval "$(scripts/postgres-start.sh)"
trap 'scripts/postgres-stop.sh' EXIT
port=$(printf '%s' "$DFX_TEST_POSTGRES_URL" | sed -E 's|.*:([0-9]+)/.*|\1|')
export SYNTH_PGHOST=127.0.0.1 SYNTH_PGPORT=$port SYNTH_PGUSER=dfx SYNTH_PGDATABASE=dfx_test
export DBT_SEND_ANONYMOUS_USAGE_STATS=false

scratch=$(mktemp -d)
dbt_flags=(--project-dir "$PROJECT" --profiles-dir "$PROJECT" --no-partial-parse --target-path "$scratch/dbt" --log-path "$scratch/logs")
echo "compare-compiled: dbt compile" >&2
"$DBT_BIN" compile "${dbt_flags[@]}" >"$scratch/dbt-compile.out" 2>&1 || { tail -n 20 "$scratch/dbt-compile.out"; exit 1; }
echo "compare-compiled: dfx compile" >&2
rm -rf "$PROJECT/target"
"$DFX" compile --project-dir "$PROJECT" >"$scratch/dfx-compile.out" 2>&1 || { tail -n 20 "$scratch/dfx-compile.out"; exit 1; }

report=$(dirname "$PROJECT")/compare-$(basename "$PROJECT").diff
: >"$report"
same=0 different=0 missing=0
while IFS= read -r file; do
    relative=${file#"$scratch/dbt/compiled/"}
    mine="$PROJECT/target/compiled/$relative"
    if [ ! -f "$mine" ]; then
        missing=$((missing + 1)); echo "only dbt compiled: $relative" >>"$report"
    elif cmp -s "$file" "$mine"; then
        same=$((same + 1))
    else
        different=$((different + 1)); diff -u "$file" "$mine" --label "dbt/$relative" --label "dfx/$relative" >>"$report" || true
    fi
done < <(find "$scratch/dbt/compiled" -path '*/models/*' -name '*.sql' ! -path '*.yml/*' | sort)
echo "compiled models: $same identical, $different different, $missing missing in dfx (diff: $report)"
# The same, ignoring whitespace and dbt's database qualifier ("db"."schema"."table" vs "schema"."table").
ws=0 normalised=$(dirname "$PROJECT")/compare-$(basename "$PROJECT").normalised.diff
: >"$normalised"
while IFS= read -r file; do
    relative=${file#"$scratch/dbt/compiled/"}
    mine="$PROJECT/target/compiled/$relative"
    [ -f "$mine" ] || continue
    if ! diff -q -w -B <(sed "s/\"$SYNTH_PGDATABASE\"\.//g" "$file") "$mine" >/dev/null; then
        ws=$((ws + 1))
        diff -u -w -B <(sed "s/\"$SYNTH_PGDATABASE\"\.//g" "$file") "$mine" --label "dbt/$relative" --label "dfx/$relative" >>"$normalised" || true
    fi
done < <(find "$scratch/dbt/compiled" -path '*/models/*' -name '*.sql' ! -path '*.yml/*' | sort)
echo "compiled models differing beyond whitespace within lines and the database qualifier: $ws (diff: $normalised)"
squeezed=0
while IFS= read -r file; do
    relative=${file#"$scratch/dbt/compiled/"}
    mine="$PROJECT/target/compiled/$relative"
    [ -f "$mine" ] || continue
    [ "$(sed "s/\"$SYNTH_PGDATABASE\"\.//g" "$file" | tr -d '[:space:]')" = "$(tr -d '[:space:]' <"$mine")" ] || squeezed=$((squeezed + 1))
done < <(find "$scratch/dbt/compiled" -path '*/models/*' -name '*.sql' ! -path '*.yml/*' | sort)
echo "compiled models differing beyond all whitespace and the database qualifier: $squeezed"

if [ "$RUN" = 1 ]; then
    "$DFX_TEST_PGBIN/psql" "$DFX_TEST_POSTGRES_URL" -v ON_ERROR_STOP=1 -q -f "$PROJECT/setup/raw_tables.sql"
    echo "compare-compiled: dbt build on empty raw tables" >&2
    if "$DBT_BIN" build "${dbt_flags[@]}" --threads 2 >"$scratch/dbt-build.out" 2>&1; then
        grep -E "Done\. PASS" "$scratch/dbt-build.out" | tail -n 1
    else
        grep -E "Done\. PASS|ERROR|Database Error" "$scratch/dbt-build.out" | head -n 20
        cp "$scratch/dbt-build.out" "$(dirname "$PROJECT")/dbt-build-$(basename "$PROJECT").out"
    fi
fi
rm -rf "$scratch" "$PROJECT/target"
