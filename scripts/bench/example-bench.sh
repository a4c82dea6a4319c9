#!/usr/bin/env bash
# The bundled example at scale on PostgreSQL: how long the generator, a full `dfx build`, one
# simulated day and the incremental `dfx build` after it take, and how many rows each table holds.
#
#   scripts/bench/example-bench.sh [--scale 1] [--days 1] [--no-build]
#
# Starts a throwaway PostgreSQL server (scripts/postgres-start.sh, fsync off as in the tests), copies
# project/ and models/ into .bench/example/ with a profile pointing at it, builds dfx in release, and
# prints a markdown table of wall times (with /usr/bin/time) and one of row counts per relation.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

SCALE=1
DAYS=1
BUILD=1
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) SCALE=$2; shift 2 ;;
        --days) DAYS=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "example-bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

[ "$BUILD" = 1 ] && swift build -c release --static-swift-stdlib --product dfx >/dev/null
DFX=$ROOT/.build/release/dfx

eval "$(scripts/postgres-start.sh)"
trap 'scripts/postgres-stop.sh >/dev/null 2>&1 || true' EXIT

WORK=$ROOT/.bench/example
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r project models "$WORK/"
cat >"$WORK/project/profiles.yml" <<EOF
shop:
  target: pg
  outputs:
    pg: {type: postgres, url: "$DFX_TEST_POSTGRES_URL", schema: analytics, threads: 4}
EOF
cd "$WORK/project"

declare -a STEPS
timed() {
    local label=$1
    shift
    local log
    log=$(mktemp)
    if ! /usr/bin/time -f "%e %M" -o "$log.time" "$DFX" "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "example-bench.sh: dfx $* failed" >&2
        exit 1
    fi
    read -r seconds kilobytes <"$log.time"
    local summary
    summary=$(grep -E '^Done\.' "$log" | tail -n 1 || true)
    STEPS+=("| $label | \`dfx $*\` | $seconds s | $((kilobytes / 1024)) MiB | ${summary:-} |")
    rm -f "$log" "$log.time"
}

timed "generate (scale $SCALE)" run-operation generate_raw --args "{scale: $SCALE}"
timed "full build" build
for day in $(seq 1 "$DAYS"); do
    timed "simulate day $day" run-operation simulate_day
    timed "incremental build, day $day" build
done

echo
echo "## The example at scale $SCALE on PostgreSQL ($(date -u +%Y-%m-%d), $(nproc) cores)"
echo
echo "| step | command | wall | peak memory | summary |"
echo "|---|---|---:|---:|---|"
printf '%s\n' "${STEPS[@]}"
echo
echo "| relation | rows |"
echo "|---|---:|"
psql "$DFX_TEST_POSTGRES_URL" -Atc "
    select n.nspname || '.' || c.relname
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'v') and n.nspname like 'analytics%'
    order by 1" | while read -r relation; do
    rows=$(psql "$DFX_TEST_POSTGRES_URL" -Atc "select count(*) from $relation")
    echo "| $relation | $rows |"
done
