#!/usr/bin/env bash
# Compares two dfx binaries on the same synthetic projects, in the same session: `dfx compile`
# wall time, CPU time and peak RSS, the two binaries alternating run by run (a shared machine's
# load then hits both alike), medians printed; with --callgrind, also the instruction count of one
# compile at the first size (repeatable whatever the load).
#
#   scripts/bench/compile-compare.sh --base /path/to/main/dfx [--sizes "1000 10000"] [--runs 5]
#                                    [--callgrind] [--seed 42]
#
# The candidate is this checkout's release build (`swift build -c release --static-swift-stdlib --product dfx` first).
# Build the base from another commit without touching this checkout, e.g.:
#   mkdir /tmp/dfx-main && git archive main | tar -x -C /tmp/dfx-main
#   (cd /tmp/dfx-main && swift build -c release --static-swift-stdlib --product dfx)      # base: /tmp/dfx-main/.build/release/dfx
# Projects come from scripts/synth/generate.py, cached under .bench/ as compile-bench.sh caches them.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

BASE=""
SIZES="1000 10000"
RUNS=5
SEED=42
CALLGRIND=0
while [ $# -gt 0 ]; do
    case "$1" in
        --base) BASE=$2; shift 2 ;;
        --sizes) SIZES=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --callgrind) CALLGRIND=1; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "compile-compare.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ -x "$BASE" ] || { echo "compile-compare.sh: --base must name a dfx binary" >&2; exit 2; }
CANDIDATE="$(swift build -c release --static-swift-stdlib --show-bin-path)/dfx"
[ -x "$CANDIDATE" ] || { echo "compile-compare.sh: no release build at $CANDIDATE" >&2; exit 1; }

BENCH=$ROOT/.bench
mkdir -p "$BENCH"
[ -f "$BENCH/.gitignore" ] || printf '*\n' > "$BENCH/.gitignore"
SCRATCH=$(mktemp -d "$BENCH/compare.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
GENERATOR_SUM=$(cat scripts/synth/generate.py scripts/synth/synthlib/*.py | sha256sum | cut -c1-16)

project_for() {
    local size=$1 dir=$BENCH/synth-$1-s$SEED stamp="$BENCH/synth-$1-s$SEED.stamp"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$GENERATOR_SUM" ] || [ ! -d "$dir" ]; then
        echo "compile-compare: generating $size models in $dir" >&2
        python3 scripts/synth/generate.py "$dir" --models "$size" --seed "$SEED" >&2
        echo "$GENERATOR_SUM" > "$stamp"
    fi
    echo "$dir"
}

# Runs one compile into the project's target/ (moved aside afterwards: deleting hundreds of MB here
# slows the next run's file creation, see compile-bench.sh); prints "wall cpu rss_kib".
measure() {
    local binary=$1 project=$2
    [ -e "$project/target" ] && mv "$project/target" "$SCRATCH/trash-$(date +%s%N)"
    /usr/bin/time -f "%e %U %S %M" -o "$SCRATCH/time" "$binary" compile --project-dir "$project" \
        >"$SCRATCH/out" 2>&1 || { echo "compile-compare: $binary failed on $project:" >&2; tail -5 "$SCRATCH/out" >&2; exit 1; }
    mv "$project/target" "$SCRATCH/trash-$(date +%s%N)"
    awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$SCRATCH/time"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "| models | base wall | candidate wall | base CPU | candidate CPU | base peak RSS | candidate peak RSS |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for size in $SIZES; do
    project=$(project_for "$size")
    measure "$BASE" "$project" >/dev/null          # warm the page cache for both
    : >"$SCRATCH/base.txt"; : >"$SCRATCH/candidate.txt"
    for _ in $(seq 1 "$RUNS"); do
        measure "$BASE" "$project" >>"$SCRATCH/base.txt"
        measure "$CANDIDATE" "$project" >>"$SCRATCH/candidate.txt"
    done
    b=$SCRATCH/base.txt c=$SCRATCH/candidate.txt
    printf "| %s | %s s | %s s | %s s | %s s | %s MiB | %s MiB |\n" "$size" \
        "$(cut -d' ' -f1 "$b" | median)" "$(cut -d' ' -f1 "$c" | median)" \
        "$(cut -d' ' -f2 "$b" | median)" "$(cut -d' ' -f2 "$c" | median)" \
        "$(cut -d' ' -f3 "$b" | median | awk '{ printf "%d", $1 / 1024 }')" \
        "$(cut -d' ' -f3 "$c" | median | awk '{ printf "%d", $1 / 1024 }')"
done
echo
echo "medians of $RUNS alternating runs; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"

if [ "$CALLGRIND" = 1 ]; then
    size=${SIZES%% *}
    project=$(project_for "$size")
    for which in base candidate; do
        binary=$BASE; [ "$which" = candidate ] && binary=$CANDIDATE
        count=$(valgrind --tool=callgrind --callgrind-out-file="$SCRATCH/callgrind.out" "$binary" compile \
            --project-dir "$project" 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
        mv "$project/target" "$SCRATCH/trash-$(date +%s%N)"
        echo "callgrind, dfx compile of $size models: $which $count instructions"
    done
fi
