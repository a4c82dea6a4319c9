#!/usr/bin/env bash
# Seed loading benchmark (issue #4): one CSV seed (default 1.5M rows, ~170 MB, from
# scripts/bench/seed-csv.sh: integers, leading-zero codes, quoted names, decimals, booleans, dates,
# timestamps, NULLs, quoted notes with embedded newlines) loaded into PostgreSQL by `dfx seed`,
# `dbt seed` and plain `psql -c "\copy ..."`, each into an empty database, with wall time and peak
# memory of the client process (/usr/bin/time -v; the server's memory is not counted).
#
#   scripts/bench/seed-bench.sh [--rows 1500000] [--runs 3] [--dbt-runs 1] [--no-build] [--no-dbt]
#
# The project (.bench/seed-project: dbt_project.yml, profiles.yml, seeds/bench_seed.csv) is read
# by both dfx and dbt. psql's table is created first with the types dfx infers for the file
# (bigint, text, text, numeric, boolean, date, timestamp, text, text), inside the timed command.
# Server: a throwaway one from scripts/postgres-start.sh unless BENCH_PG_URL=postgresql://user@host:port.
# Results in .bench/results-seed/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

ROWS=1500000 RUNS=3 DBT_RUNS=1 BUILD=1 DBT=1
DBT_BIN=${DBT_BIN:-/tmp/dbtvenv/bin/dbt}
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) ROWS=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --dbt-runs) DBT_RUNS=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-dbt) DBT=0; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "seed-bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

BENCH=$ROOT/.bench
RESULTS=$BENCH/results-seed
mkdir -p "$BENCH"
[ -f "$BENCH/.gitignore" ] || printf '*\n' > "$BENCH/.gitignore"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
log() { printf 'seed-bench: %s\n' "$*" >&2; }

if [ "$BUILD" = 1 ] && [ -z "${DFX_BIN:-}" ]; then
    log "building dfx (release)"
    swift build -c release --static-swift-stdlib --product dfx >&2
fi
DFX=${DFX_BIN:-$(swift build -c release --static-swift-stdlib --show-bin-path)/dfx}
[ -x "$DFX" ] || { log "no dfx binary at $DFX"; exit 1; }
if [ "$DBT" = 1 ] && [ ! -x "$DBT_BIN" ]; then log "no dbt at $DBT_BIN"; DBT=0; fi
[ "$DBT" = 1 ] || DBT_RUNS=0

PROJECT=$BENCH/seed-project
CSV=$PROJECT/seeds/bench_seed.csv
mkdir -p "$PROJECT/seeds"
if [ ! -s "$CSV" ] || [ "$(cat "$PROJECT/rows" 2>/dev/null)" != "$ROWS" ]; then
    log "generating $CSV ($ROWS rows)"
    scripts/bench/seed-csv.sh "$ROWS" "$CSV"
    echo "$ROWS" > "$PROJECT/rows"
fi
cat > "$PROJECT/dbt_project.yml" <<'EOF'
name: seedbench
version: "1.0.0"
config-version: 2
profile: seedbench
seed-paths: ["seeds"]
EOF

STARTED_SERVER=0
if [ -z "${BENCH_PG_URL:-}" ]; then
    log "starting a PostgreSQL server (scripts/postgres-start.sh)"
    eval "$(scripts/postgres-start.sh)"
    STARTED_SERVER=1
    BENCH_PG_URL=${DFX_TEST_POSTGRES_URL%/*}
fi
cleanup() { if [ "$STARTED_SERVER" = 1 ]; then scripts/postgres-stop.sh >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
reset_database() {
    "${PSQL[@]}" "$BENCH_PG_URL/postgres" -c "drop database if exists seedbench with (force)" -c "create database seedbench"
}
python3 - "$BENCH_PG_URL" > "$PROJECT/profiles.yml" <<'EOF'
import sys, urllib.parse
url = urllib.parse.urlparse(sys.argv[1])
print(f"""seedbench:
  target: dev
  outputs:
    dev:
      type: postgres
      host: "{url.hostname or 'localhost'}"
      port: {url.port or 5432}
      user: "{url.username or 'postgres'}"
      password: "{{{{ env_var('SYNTH_PGPASSWORD', '') }}}}"
      dbname: seedbench
      schema: analytics
      threads: 1""")
EOF

# measure NAME COMMAND...: runs COMMAND under /usr/bin/time -v; prints "wall_s peak_MiB".
measure() {
    local name=$1; shift
    local status=0
    /usr/bin/time -v -o "$RESULTS/$name.time" "$@" > "$RESULTS/$name.log" 2>&1 || status=$?
    if [ "$status" != 0 ]; then log "$name failed (exit $status); see $RESULTS/$name.log"; tail -5 "$RESULTS/$name.log" >&2; exit 1; fi
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
                /Maximum resident set size/ { m = $2 / 1024 }
                END { printf "%.2f %.0f\n", s, m }' "$RESULTS/$name.time"
}
count_rows() { "${PSQL[@]}" -At "$BENCH_PG_URL/seedbench" -c "select count(*) from analytics.bench_seed"; }
# The three loaders, as plain commands for /usr/bin/time (it runs programs, not shell functions).
DFX_SEED=(env -C "$PROJECT" "$DFX" seed --profiles-dir "$PROJECT")
DBT_SEED=(env -C "$PROJECT" "$DBT_BIN" seed --profiles-dir "$PROJECT" --target-path target-dbt --log-path logs-dbt)
PSQL_COPY=("${PSQL[@]}" "$BENCH_PG_URL/seedbench"
    -c "create schema analytics"
    -c "create table analytics.bench_seed (id bigint, customer_code text, name text, amount numeric, is_active boolean, order_date date, updated_at timestamp, note text, zip text)"
    -c "\\copy analytics.bench_seed from '$CSV' with (format csv, header true)")

log "file: $(wc -c < "$CSV") bytes, $ROWS rows"
declare -A WALL MEM
for tool in psql dfx dbt; do
    runs=$RUNS
    [ "$tool" = dbt ] && runs=$DBT_RUNS
    for run in $(seq 1 "$runs"); do
        reset_database >/dev/null
        case $tool in
            psql) read -r wall mem < <(measure "$tool-$run" "${PSQL_COPY[@]}") ;;
            dfx) read -r wall mem < <(measure "$tool-$run" "${DFX_SEED[@]}") ;;
            dbt) read -r wall mem < <(measure "$tool-$run" "${DBT_SEED[@]}") ;;
        esac
        rows=$(count_rows)
        [ "$rows" = "$ROWS" ] || { log "$tool run $run loaded $rows rows, not $ROWS"; exit 1; }
        log "$tool run $run: $wall s, peak $mem MiB, $rows rows (load $(cut -d' ' -f1-3 /proc/loadavg))"
        WALL[$tool]="${WALL[$tool]:-} $wall"
        MEM[$tool]="${MEM[$tool]:-} $mem"
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
psql_median=$(echo "${WALL[psql]}" | median)
TABLE=$RESULTS/table.md
{
    echo "| loader | runs (wall s) | median wall | ÷ psql \\copy | peak RSS (client) |"
    echo "|---|---|---:|---:|---:|"
    for tool in psql dfx dbt; do
        [ -n "${WALL[$tool]:-}" ] || continue
        med=$(echo "${WALL[$tool]}" | median)
        ratio=$(awk -v a="$med" -v b="$psql_median" 'BEGIN { printf "%.2f×", a / b }')
        echo "| $tool | ${WALL[$tool]# } | $med s | $ratio | $(echo "${MEM[$tool]}" | median) MiB |"
    done
} > "$TABLE"
cat "$TABLE"
