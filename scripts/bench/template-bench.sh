#!/usr/bin/env bash
# Benchmark DFXTemplate against Python jinja2 on the dbt-style templates in scripts/bench/templates/.
#
#   scripts/bench/template-bench.sh [iterations] [rounds] [repeat]   (defaults 200, 3 and 5)
#
# Runs bench_jinja2.py (PYTHON, default /tmp/dbtvenv/bin/python, needs jinja2 3.1) and the swiftc-built
# TemplateBench, checks that both produced the same SQL for every model, and prints the ratios.
# On a shared machine one engine can run in a quiet moment and the other in a busy one, so the two
# alternate for `rounds` rounds (jinja2, dfx, jinja2, dfx, ...); the script prints every round's ratio,
# their median, and the ratio of each engine's best round. Within a round each engine renders every
# model `iterations` times, `repeat` times over, and keeps the fastest batch (timeit.repeat's minimum).
set -euo pipefail
iterations="${1:-200}"
rounds="${2:-3}"
repeat="${3:-5}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${DFX_ROOT:-$(cd "$here/../.." && pwd)}"
python="${PYTHON:-/tmp/dbtvenv/bin/python}"
out="$root/.build-bench"
mkdir -p "$out"
rm -rf "$out/jinja2-output" "$out/dfx-output"

bench="$("$here/build-template-bench.sh" | tail -1)"
for round in $(seq 1 "$rounds"); do
  echo "== round $round/$rounds: jinja2"
  "$python" "$here/bench_jinja2.py" --iterations "$iterations" --repeat "$repeat" --templates "$here/templates" --dump "$out/jinja2-output" \
    | tee "$out/jinja2-$round.txt"
  echo "== round $round/$rounds: DFXTemplate"
  "$bench" --iterations "$iterations" --repeat "$repeat" --templates "$here/templates" --dump "$out/dfx-output" | tee "$out/dfx-$round.txt"
done

echo "== same output?"
if diff -r "$out/jinja2-output" "$out/dfx-output" >"$out/output.diff"; then
  echo "identical SQL for every model"
else
  echo "OUTPUTS DIFFER (see $out/output.diff):"
  head -40 "$out/output.diff"
fi

field() { grep '^RESULT' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
for round in $(seq 1 "$rounds"); do
  echo "$round $(field "$out/jinja2-$round.txt" render_mbps) $(field "$out/dfx-$round.txt" render_mbps)" \
    "$(field "$out/jinja2-$round.txt" compile_ms) $(field "$out/dfx-$round.txt" compile_ms)"
done | awk '
  { round[NR] = $1; pm[NR] = $2; dm[NR] = $3; pc[NR] = $4; dc[NR] = $5; ratio[NR] = $3 / $2
    if ($2 > bestp) bestp = $2; if ($3 > bestd) bestd = $3
    if (NR == 1 || $4 < bestpc) bestpc = $4; if (NR == 1 || $5 < bestdc) bestdc = $5 }
  END {
    for (i = 1; i <= NR; i++)
      printf "round %d: jinja2 %.2f MB/s, dfx %.2f MB/s: %.1fx\n", round[i], pm[i], dm[i], ratio[i]
    n = NR; for (i = 1; i <= n; i++) sorted[i] = ratio[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
    median = n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
    printf "render throughput: median of %d rounds %.1fx; best rounds: jinja2 %.2f MB/s, dfx %.2f MB/s: dfx is %.1fx jinja2 (target >= 10x)\n", n, median, bestp, bestd, bestd / bestp
    printf "compile time (best rounds): jinja2 %.1f ms, dfx %.1f ms: dfx is %.1fx faster\n", bestpc, bestdc, bestpc / bestdc
  }'
