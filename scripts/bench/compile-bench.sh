#!/usr/bin/env bash
# Compile benchmark: dfx compile against dbt parse on synthetic projects.
#
#   scripts/bench/compile-bench.sh [--sizes "1000 5000 10000"] [--runs 3] [--dbt-runs 1]
#                                  [--dbt-sizes "1000 5000 10000"] [--seed 42] [--no-build] [--no-dbt]
#                                  [--no-settle]
#
# Builds dfx in release, generates (and caches under .bench/, git-ignored) one project per size with
# scripts/synth/generate.py, then measures with /usr/bin/time -v:
#   - dfx compile: wall time, CPU time and peak RSS, median of --runs runs after one untimed warm-up,
#     fresh target/ each run (the previous one is moved aside and deleted at the end);
#   - dfx re-compile: the same over the target/ the previous compile left (the development loop);
#   - dfx parse (manifest only, no compiled SQL: the closer match to dbt parse), the same way;
#   - dbt parse (/tmp/dbtvenv, no partial parse, fresh target and log dirs): --dbt-runs runs.
# Prints a markdown table (also saved as .bench/results/table.md), and dfx's per-phase timings when
# DFX_TIMINGS=1 makes dfx print anything more than it normally does. Each timed run starts after
# `sync` (see settle below) unless --no-settle.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

SIZES="1000 5000 10000"
DBT_SIZES=""
RUNS=3
DBT_RUNS=1
SEED=42
BUILD=1
DBT=1
SETTLE=1
DBT_BIN=${DBT_BIN:-/tmp/dbtvenv/bin/dbt}
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES=$2; shift 2 ;;
        --dbt-sizes) DBT_SIZES=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --dbt-runs) DBT_RUNS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-dbt) DBT=0; shift ;;
        --no-settle) SETTLE=0; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "compile-bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
DBT_SIZES=${DBT_SIZES:-$SIZES}

BENCH=$ROOT/.bench
RESULTS=$BENCH/results
mkdir -p "$BENCH"
[ -f "$BENCH/.gitignore" ] || printf '*\n' > "$BENCH/.gitignore"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

log() { printf 'compile-bench: %s\n' "$*" >&2; }

if [ ! -x /usr/bin/time ]; then
    log "installing GNU time (/usr/bin/time)"
    if [ "$(id -u)" = 0 ]; then apt-get install -y time >/dev/null; else sudo apt-get install -y time >/dev/null; fi
fi

if [ "$BUILD" = 1 ]; then
    log "building dfx (release)"
    swift build -c release --static-swift-stdlib --product dfx >&2
fi
DFX="$(swift build -c release --static-swift-stdlib --show-bin-path)/dfx"
[ -x "$DFX" ] || { log "no dfx binary at $DFX (drop --no-build)"; exit 1; }

if [ "$DBT" = 1 ] && [ ! -x "$DBT_BIN" ]; then
    log "no dbt at $DBT_BIN: measuring dfx only"
    DBT=0
fi

# The generator's own checksum: a cached project is reused only if it came from the same generator.
GENERATOR_SUM=$(cat scripts/synth/generate.py scripts/synth/synthlib/*.py | sha256sum | cut -c1-16)

project_for() {
    local size=$1 dir=$BENCH/synth-$1-s$SEED stamp="$BENCH/synth-$1-s$SEED.stamp"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$GENERATOR_SUM" ] || [ ! -d "$dir" ]; then
        log "generating $size models in $dir"
        python3 scripts/synth/generate.py "$dir" --models "$size" --seed "$SEED" >&2
        echo "$GENERATOR_SUM" > "$stamp"
    fi
    echo "$dir"
}

# Moves a finished run's output out of the way instead of deleting it: on this machine (ext4 mounted
# with `discard`) deleting hundreds of MB of files slows the file creations of the next timed run by
# seconds of system time. Everything set aside is deleted at the end, outside any measurement.
TRASH=$BENCH/trash
rm -rf "$TRASH"
mkdir -p "$TRASH"
aside() {
    [ -e "$1" ] || return 0
    mv "$1" "$TRASH/$(date +%s%N)-$(basename "$1")"
}
trap 'rm -rf "$TRASH"' EXIT

# Before each timed run the previous runs' writes are flushed to disk (`sync`, untimed), as they
# are in a development loop where compiles are seconds apart. Back to back (--no-settle), each run
# also pays for the kernel writing out the previous run's 112 MB manifest and 20,000 files: its
# flusher threads run on the same two cores (10,000 models: re-compile 0.88 s settled, 1.04-1.33 s
# back to back after a fresh compile, same binary, same session).
settle() { [ "$SETTLE" = 0 ] || sync; }

contains() { case " $1 " in *" $2 "*) return 0 ;; *) return 1 ;; esac; }

for size in $SIZES; do
    project=$(project_for "$size")
    out=$RESULTS/$size
    mkdir -p "$out"
    # An untimed warm-up run reads the project into the page cache, so every timed run sees the same.
    # (Set aside, not deleted: a deletion right before timed runs makes ext4 scan the freshly freed
    # inodes on every file creation, seconds of system time that belong to no tool.)
    aside "$project/target"
    aside "$project/logs"
    "$DFX" compile --project-dir "$project" >/dev/null 2>&1 || true
    aside "$project/target"
    for run in $(seq 1 "$RUNS"); do
        log "N=$size dfx parse run $run/$RUNS"
        settle
        /usr/bin/time -v -o "$out/dfxparse-$run.time" "$DFX" parse --project-dir "$project" \
            >"$out/dfxparse-$run.out" 2>&1 || log "N=$size dfx parse failed: see $out/dfxparse-$run.out"
        aside "$project/target"
        log "N=$size dfx compile run $run/$RUNS"
        settle
        /usr/bin/time -v -o "$out/dfx-$run.time" "$DFX" compile --project-dir "$project" \
            >"$out/dfx-$run.out" 2>&1 || log "N=$size dfx compile failed: see $out/dfx-$run.out"
        tail -n 1 "$out/dfx-$run.out" >&2
        [ "$run" = "$RUNS" ] && [ -f "$project/target/manifest.json" ] && cp "$project/target/manifest.json" "$out/dfx-manifest.json"
        # The development loop: compile again over the target the previous compile left (unchanged
        # compiled files are read and compared, not rewritten).
        log "N=$size dfx re-compile run $run/$RUNS"
        settle
        /usr/bin/time -v -o "$out/dfxre-$run.time" "$DFX" compile --project-dir "$project" \
            >"$out/dfxre-$run.out" 2>&1 || log "N=$size dfx re-compile failed: see $out/dfxre-$run.out"
        aside "$project/target"
    done
    # Per-phase timings: whatever DFX_TIMINGS=1 adds to dfx's usual output.
    settle
    DFX_TIMINGS=1 "$DFX" compile --project-dir "$project" >"$out/dfx-timings.out" 2>&1 || true
    if ! diff <(sed 's/[0-9.]*s\b//g' "$out/dfx-1.out") <(sed 's/[0-9.]*s\b//g' "$out/dfx-timings.out") >/dev/null; then
        cp "$out/dfx-timings.out" "$out/phases.txt"
    fi
    aside "$project/target"
    aside "$project/logs"

    if [ "$DBT" = 1 ] && contains "$DBT_SIZES" "$size"; then
        for run in $(seq 1 "$DBT_RUNS"); do
            scratch=$(mktemp -d "$BENCH/dbt.XXXXXX")
            log "N=$size dbt parse run $run/$DBT_RUNS"
            settle
            DBT_SEND_ANONYMOUS_USAGE_STATS=false /usr/bin/time -v -o "$out/dbt-$run.time" \
                "$DBT_BIN" parse --project-dir "$project" --profiles-dir "$project" --no-partial-parse \
                --target-path "$scratch/target" --log-path "$scratch/logs" \
                >"$out/dbt-$run.out" 2>&1 || log "N=$size dbt parse failed: see $out/dbt-$run.out"
            [ "$run" = 1 ] && [ -f "$scratch/target/manifest.json" ] && cp "$scratch/target/manifest.json" "$out/dbt-manifest.json"
            aside "$scratch"
        done
    fi
done

python3 scripts/bench/compile/summarize.py "$RESULTS" | tee "$RESULTS/table.md"
for size in $SIZES; do
    if [ -f "$RESULTS/$size/phases.txt" ]; then
        echo
        echo "dfx per-phase timings at N=$size (DFX_TIMINGS=1):"
        sed 's/^/    /' "$RESULTS/$size/phases.txt"
    fi
done
if ! ls "$RESULTS"/*/phases.txt >/dev/null 2>&1; then
    echo
    echo "(DFX_TIMINGS=1 adds nothing to dfx's output: no per-phase timings.)"
fi
echo
echo "machine: $(nproc) cores, $(uname -m), load average $(cut -d" " -f1-3 /proc/loadavg) at the end; dfx $("$DFX" --version 2>/dev/null || echo '?'); dbt $("$DBT_BIN" --version 2>/dev/null | sed -n 's/.*installed: *//p' | head -n 1)"
