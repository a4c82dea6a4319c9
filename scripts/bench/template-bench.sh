#!/usr/bin/env bash
# Benchmark DFXTemplate against Python jinja2 on the dbt-style templates in scripts/bench/templates/.
#
#   scripts/bench/template-bench.sh [iterations]        (default 200)
#
# Runs bench_jinja2.py (PYTHON, default /tmp/dbtvenv/bin/python, needs jinja2 3.1) and the swiftc-built
# TemplateBench, checks that both produced the same SQL for every model, and prints the ratios.
set -euo pipefail
iterations="${1:-200}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${DFX_ROOT:-$(cd "$here/../.." && pwd)}"
python="${PYTHON:-/tmp/dbtvenv/bin/python}"
out="$root/.build-bench"
mkdir -p "$out"
rm -rf "$out/jinja2-output" "$out/dfx-output"

echo "== jinja2"
"$python" "$here/bench_jinja2.py" --iterations "$iterations" --templates "$here/templates" --dump "$out/jinja2-output" \
  | tee "$out/jinja2.txt"
echo "== DFXTemplate"
bench="$("$here/build-template-bench.sh" | tail -1)"
"$bench" --iterations "$iterations" --templates "$here/templates" --dump "$out/dfx-output" | tee "$out/dfx.txt"

echo "== same output?"
if diff -r "$out/jinja2-output" "$out/dfx-output" >"$out/output.diff"; then
  echo "identical SQL for every model"
else
  echo "OUTPUTS DIFFER (see $out/output.diff):"
  head -40 "$out/output.diff"
fi

field() { grep '^RESULT' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
py_mbps="$(field "$out/jinja2.txt" render_mbps)"; dfx_mbps="$(field "$out/dfx.txt" render_mbps)"
py_ms="$(field "$out/jinja2.txt" compile_ms)"; dfx_ms="$(field "$out/dfx.txt" compile_ms)"
awk -v pm="$py_mbps" -v dm="$dfx_mbps" -v pc="$py_ms" -v dc="$dfx_ms" 'BEGIN {
  printf "render throughput: jinja2 %.2f MB/s, dfx %.2f MB/s: dfx is %.1fx jinja2 (target >= 10x)\n", pm, dm, dm / pm
  printf "compile time:      jinja2 %.1f ms, dfx %.1f ms: dfx is %.1fx faster\n", pc, dc, pc / dc
}'
