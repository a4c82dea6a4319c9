#!/usr/bin/env bash
# dfx run benchmark (issue #4): a runnable synthetic project built by `dfx run`, by the floor (the
# statements dfx executed, replayed by psql at the same parallelism) and by `dbt run`, on one
# PostgreSQL server, in the same session; then the re-run check (N re-runs of the built project).
#
#   scripts/bench/run-bench.sh [--models 1000] [--rows 100] [--stack-limit 3] [--seed 42]
#                              [--threads 4] [--runs 3] [--reruns 20] [--dbt-reruns 0]
#                              [--no-build] [--no-dbt]
#
# The project comes from scripts/synth/generate.py --rows R --stack-limit K (cached under .bench/);
# its raw tables are loaded once into a template database, and every build starts from a fresh copy
# of it (CREATE DATABASE ... TEMPLATE), so each tool sees the same state. Each of --runs rounds
# measures, in this order: dfx first build and re-run; the floor replaying that first build's and
# that re-run's target/run/ files (scripts/bench/replay.py); dbt first build and re-run (its
# partial-parse cache warm, as for anyone re-running dbt). Wall times are whole processes.
#
# The server: by default a throwaway one from scripts/postgres-start.sh (fsync off, stopped at the
# end); set BENCH_PG_URL=postgresql://user@host:port to use another (databases synth, synth_raw are
# dropped and recreated there). DFX_BIN and DBT_BIN override the binaries. Results in
# .bench/results-run/ (git-ignored): logs, the run targets, table.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

MODELS=1000 ROWS=100 STACK_LIMIT=3 SEED=42 THREADS=4 RUNS=3 RERUNS=20 DBT_RERUNS=0 BUILD=1 DBT=1
DBT_BIN=${DBT_BIN:-/tmp/dbtvenv/bin/dbt}
while [ $# -gt 0 ]; do
    case "$1" in
        --models) MODELS=$2; shift 2 ;;
        --rows) ROWS=$2; shift 2 ;;
        --stack-limit) STACK_LIMIT=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --reruns) RERUNS=$2; shift 2 ;;
        --dbt-reruns) DBT_RERUNS=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-dbt) DBT=0; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "run-bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

BENCH=$ROOT/.bench
RESULTS=$BENCH/results-run
mkdir -p "$BENCH"
[ -f "$BENCH/.gitignore" ] || printf '*\n' > "$BENCH/.gitignore"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
log() { printf 'run-bench: %s\n' "$*" >&2; }

if [ "$BUILD" = 1 ] && [ -z "${DFX_BIN:-}" ]; then
    log "building dfx (release)"
    swift build -c release --static-swift-stdlib --product dfx >&2
fi
DFX=${DFX_BIN:-$(swift build -c release --static-swift-stdlib --show-bin-path)/dfx}
[ -x "$DFX" ] || { log "no dfx binary at $DFX"; exit 1; }
if [ "$DBT" = 1 ] && [ ! -x "$DBT_BIN" ]; then log "no dbt at $DBT_BIN: measuring dfx and the floor only"; DBT=0; fi
[ "$DBT" = 1 ] || DBT_RERUNS=0

# --- the project -------------------------------------------------------------------------------
GENERATOR_SUM=$(cat scripts/synth/generate.py scripts/synth/synthlib/*.py | sha256sum | cut -c1-16)
PROJECT=$BENCH/run-$MODELS-r$ROWS-k$STACK_LIMIT-s$SEED
if [ ! -f "$PROJECT.stamp" ] || [ "$(cat "$PROJECT.stamp")" != "$GENERATOR_SUM" ] || [ ! -d "$PROJECT" ]; then
    log "generating $PROJECT"
    python3 scripts/synth/generate.py "$PROJECT" --models "$MODELS" --seed "$SEED" --rows "$ROWS" \
        --stack-limit "$STACK_LIMIT" >&2
    echo "$GENERATOR_SUM" > "$PROJECT.stamp"
fi

# --- the server ----------------------------------------------------------------------------------
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
"${PSQL[@]}" "$BENCH_PG_URL/postgres" -c "drop database if exists synth with (force)" \
    -c "drop database if exists synth_raw with (force)" -c "create database synth_raw"
"${PSQL[@]}" "$BENCH_PG_URL/synth_raw" -f "$PROJECT/setup/raw_tables.sql" -f "$PROJECT/setup/raw_data.sql" >/dev/null
reset_database() {
    "${PSQL[@]}" "$BENCH_PG_URL/postgres" -c "drop database if exists synth with (force)" \
        -c "create database synth template synth_raw"
}

# One profiles.yml for dfx and dbt: the server's host, port and user; database synth.
PROFILES=$BENCH/run-profiles
mkdir -p "$PROFILES"
python3 - "$BENCH_PG_URL" "$THREADS" > "$PROFILES/profiles.yml" <<'EOF'
import sys, urllib.parse
url = urllib.parse.urlparse(sys.argv[1])
print(f"""synth:
  target: dev
  outputs:
    dev:
      type: postgres
      host: "{url.hostname or 'localhost'}"
      port: {url.port or 5432}
      user: "{url.username or 'postgres'}"
      password: "{{{{ env_var('SYNTH_PGPASSWORD', '') }}}}"
      dbname: synth
      schema: analytics
      threads: {sys.argv[2]}""")
EOF

# The dependencies for the floor's scheduler: dfx parse's manifest (untimed).
rm -rf "$PROJECT/target"
(cd "$PROJECT" && "$DFX" parse --profiles-dir "$PROFILES" >/dev/null)
cp "$PROJECT/target/manifest.json" "$RESULTS/manifest.json"
if [ "$DBT" = 1 ]; then
    log "dbt parse (untimed: fills dbt's partial-parse cache)"
    (cd "$PROJECT" && "$DBT_BIN" parse --profiles-dir "$PROFILES" --target-path target-dbt --log-path logs-dbt >/dev/null)
fi

# timed NAME COMMAND...: runs COMMAND, logs to $RESULTS/NAME.log, prints the wall seconds; fails
# the benchmark when COMMAND fails.
timed() {
    local name=$1; shift
    local start end status=0
    start=$(date +%s.%N)
    "$@" > "$RESULTS/$name.log" 2>&1 || status=$?
    if [ "$status" != 0 ]; then
        log "$name failed (exit $status); see $RESULTS/$name.log"; tail -5 "$RESULTS/$name.log" >&2; exit 1
    fi
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}
dfx_run() { (cd "$PROJECT" && "$DFX" run --threads "$THREADS" --profiles-dir "$PROFILES"); }
dbt_run() {
    (cd "$PROJECT" && "$DBT_BIN" run --threads "$THREADS" --profiles-dir "$PROFILES" --target-path target-dbt --log-path logs-dbt)
}
export PROJECT DFX DBT_BIN THREADS PROFILES
replay() { python3 scripts/bench/replay.py "$1" "$BENCH_PG_URL/synth" --threads "$THREADS" --manifest "$RESULTS/manifest.json"; }
save_target() { rm -rf "$RESULTS/$1"; cp -r "$PROJECT/target" "$RESULTS/$1"; }

# --- timing rounds -------------------------------------------------------------------------------
log "project: $(cat "$PROJECT/.synth-project"), $ROWS rows per raw table, stack limit $STACK_LIMIT; $THREADS threads; $RUNS rounds"
TABLE=$RESULTS/table.md
{
    echo "| round | dfx first | floor first | dfx ÷ floor | dbt first | dbt ÷ dfx | dfx re-run | floor re-run | dfx ÷ floor | dbt re-run | dbt ÷ dfx |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$TABLE"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f×", a / b }'; }
for round in $(seq 1 "$RUNS"); do
    reset_database >/dev/null
    rm -rf "$PROJECT/target"
    dfx_first=$(timed "dfx-first-$round" dfx_run); save_target "dfx-first-$round"
    dfx_rerun=$(timed "dfx-rerun-$round" dfx_run); save_target "dfx-rerun-$round"
    reset_database >/dev/null
    floor_first=$(timed "floor-first-$round" replay "$RESULTS/dfx-first-$round")
    floor_rerun=$(timed "floor-rerun-$round" replay "$RESULTS/dfx-rerun-$round")
    dbt_first=- dbt_rerun=-
    if [ "$DBT" = 1 ]; then
        reset_database >/dev/null
        dbt_first=$(timed "dbt-first-$round" dbt_run)
        dbt_rerun=$(timed "dbt-rerun-$round" dbt_run)
    fi
    line="| $round | $dfx_first s | $floor_first s | $(ratio "$dfx_first" "$floor_first") | $dbt_first s | $(ratio "$dbt_first" "$dfx_first") | $dfx_rerun s | $floor_rerun s | $(ratio "$dfx_rerun" "$floor_rerun") | $dbt_rerun s | $(ratio "$dbt_rerun" "$dfx_rerun") |"
    echo "$line" >> "$TABLE"
    log "round $round: dfx $dfx_first / $dfx_rerun s, floor $floor_first / $floor_rerun s, dbt $dbt_first / $dbt_rerun s (load $(cut -d' ' -f1-3 /proc/loadavg))"
done
cat "$TABLE"
if [ "$DBT" = 1 ]; then
    grep -ho 'Finished running.*' "$RESULTS"/dbt-*.log | sed 's/^/dbt says: /' || true
fi

# --- the re-run check ----------------------------------------------------------------------------
# rerun_check NAME RUN_FUNCTION COUNT: builds once, then re-runs COUNT times; counts successes,
# failures, runs that hit the 15-minute timeout (a hang) and runs whose log mentions a deadlock.
rerun_check() {
    local name=$1 run=$2 count=$3 ok=0 failed=0 hung=0 deadlocks=0 status
    reset_database >/dev/null
    rm -rf "$PROJECT/target"
    timed "$name-rerun-check-build" "$run" >/dev/null
    for attempt in $(seq 1 "$count"); do
        status=0
        timeout 900 bash -c "$(declare -f dfx_run dbt_run); $run" \
            > "$RESULTS/$name-rerun-check-$attempt.log" 2>&1 || status=$?
        if [ "$status" = 0 ]; then ok=$((ok + 1)); elif [ "$status" = 124 ]; then hung=$((hung + 1)); else failed=$((failed + 1)); fi
        if grep -qi 'deadlock' "$RESULTS/$name-rerun-check-$attempt.log"; then deadlocks=$((deadlocks + 1)); fi
    done
    echo "re-run check, $name: $count re-runs at --threads $THREADS: $ok succeeded, $failed failed, $hung hung (15 min timeout), $deadlocks with 'deadlock' in the log"
}
if [ "$RERUNS" -gt 0 ]; then rerun_check dfx dfx_run "$RERUNS" | tee -a "$TABLE"; fi
if [ "$DBT_RERUNS" -gt 0 ]; then rerun_check dbt dbt_run "$DBT_RERUNS" | tee -a "$TABLE"; fi
