#!/usr/bin/env bash
# The snapshot step on a large dimension: dfx snapshot against the same logic hand-written in SQL
# (run by psql) and against dbt snapshot, in one session on one PostgreSQL server.
#
#   eval "$(scripts/postgres-start.sh)"; swift build -c release --static-swift-stdlib --product dfx
#   scripts/bench/snapshot-bench.sh [ROWS=1000000] [RUNS=3]
#   DFX=... DBT=... scripts/bench/snapshot-bench.sh       # other binaries
#
# A ROWS-row source table (id, name, city, score, updated_at); one snapshot (timestamp strategy on
# updated_at, unique_key id, hard deletes ignored), kept three times: by dfx (schema bench_dfx), by
# dbt (bench_dbt) and by hand-written SQL (bench_sql, see snapshot-bench.sql: staged once, changes
# found once, current rows closed and new versions inserted in one transaction, the same key index
# as dfx). After the first load, each run changes 1% of the rows (a new score and updated_at), then
# times the three on the same source state, in rotating order. Wall-clock seconds of the whole
# command (process start, project parse and compile included for dfx and dbt). At the end the three
# histories must be identical row for row (the timestamp strategy dates everything from the source).
set -euo pipefail

rows=${1:-1000000}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dbt=${DBT:-/tmp/dbtvenv/bin/dbt}
dfx=${DFX:-$repo/.build/release/dfx}
[ -x "$dbt" ] || { echo "snapshot-bench: no dbt at $dbt (set DBT)" >&2; exit 2; }
[ -x "$dfx" ] || { echo "snapshot-bench: no dfx at $dfx (swift build -c release --static-swift-stdlib --product dfx, or set DFX)" >&2; exit 2; }
dfx=$(cd "$(dirname "$dfx")" && pwd)/$(basename "$dfx")
if [ -z "${PGHOST:-}" ] && [ -n "${DFX_TEST_POSTGRES_URL:-}" ]; then
  eval "$(python3 - "$DFX_TEST_POSTGRES_URL" <<'PY'
import sys, urllib.parse as u
p = u.urlparse(sys.argv[1])
user = p.username or "postgres"
database = p.path.lstrip("/")
print(f"export PGHOST={p.hostname} PGPORT={p.port or 5432} PGUSER={user} PGDATABASE={database}")
if p.password:
    print(f"export PGPASSWORD={p.password}")
PY
)"
fi
: "${PGHOST:?set PGHOST/PGPORT/PGUSER/PGDATABASE or DFX_TEST_POSTGRES_URL}"
export PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

work=$(mktemp -d "${TMPDIR:-/tmp}/dfx-snapbench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/snapshots" "$work/models"
cat >"$work/dbt_project.yml" <<'YML'
name: snapbench
version: "1.0"
profile: snapbench
config-version: 2
YML
for tool in dbt dfx; do
  cat <<YML
    $tool:
      type: postgres
      host: "{{ env_var('PGHOST') }}"
      port: "{{ env_var('PGPORT') | as_number }}"
      user: "{{ env_var('PGUSER') }}"
      password: "{{ env_var('PGPASSWORD', '') }}"
      dbname: "{{ env_var('PGDATABASE') }}"
      schema: bench_$tool
      threads: 1
YML
done | { printf 'snapbench:\n  target: dfx\n  outputs:\n'; cat; } >"$work/profiles.yml"
cat >"$work/models/sources.yml" <<'YML'
version: 2
sources:
  - name: bench_raw
    schema: bench_raw
    tables:
      - name: dim
YML
cat >"$work/snapshots/dim_snapshot.sql" <<'SQL'
{% snapshot dim_snapshot %}
{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at') }}
select * from {{ source('bench_raw', 'dim') }}
{% endsnapshot %}
SQL

now() { date +%s.%N; }
# timed VAR command...: runs the command, sets VAR to its wall-clock seconds; stops the script on failure.
timed() {
  local var=$1 start; shift
  start=$(now)
  "$@" >"$work/last.log" 2>&1 || { echo "snapshot-bench: $* failed:"; tail -20 "$work/last.log"; exit 1; }
  printf -v "$var" '%s' "$(echo "$(now) - $start" | bc)"
}
run_dfx() { (cd "$work" && "$dfx" snapshot --target dfx); }
run_dbt() { (cd "$work" && "$dbt" snapshot --profiles-dir . --target dbt); }
run_sql() { psql -q -v ON_ERROR_STOP=1 -f "$here/snapshot-bench.sql"; }

echo "snapshot-bench: $rows rows, $runs runs of 1% changes; dfx $($dfx --version), $($dbt --version 2>/dev/null | grep -m1 -o 'installed: [0-9.]*')"
psql -q -v ON_ERROR_STOP=1 <<SQL
drop schema if exists bench_raw cascade; drop schema if exists bench_dfx cascade;
drop schema if exists bench_dbt cascade; drop schema if exists bench_sql cascade;
create schema bench_raw; create schema bench_sql;
create table bench_raw.dim as
select g as id, 'name ' || g as name, 'city ' || (g % 1000) as city, g % 97 as score,
       timestamp '2024-01-01' + (g % 1000) * interval '1 minute' as updated_at
from generate_series(1, $rows) as g;
alter table bench_raw.dim add primary key (id);
vacuum analyze bench_raw.dim;
SQL

timed first_dfx run_dfx; timed first_sql run_sql; timed first_dbt run_dbt
printf 'first load: dfx %.2f s, hand-written SQL %.2f s, dbt %.2f s\n' "$first_dfx" "$first_sql" "$first_dbt"
results=()
for run in $(seq 1 "$runs"); do
  psql -q -v ON_ERROR_STOP=1 -c "update bench_raw.dim set score = score + 1, updated_at = timestamp '2024-02-01' + interval '1 day' * $run where id % 100 = $run" \
    -c "vacuum analyze bench_raw.dim"
  case $((run % 3)) in
    1) timed t_dfx run_dfx; timed t_sql run_sql; timed t_dbt run_dbt ;;
    2) timed t_sql run_sql; timed t_dbt run_dbt; timed t_dfx run_dfx ;;
    0) timed t_dbt run_dbt; timed t_dfx run_dfx; timed t_sql run_sql ;;
  esac
  printf 'run %d: dfx %.2f s, hand-written SQL %.2f s, dbt %.2f s; dfx/SQL %.2fx, dbt/dfx %.2fx\n' \
    "$run" "$t_dfx" "$t_sql" "$t_dbt" "$(echo "$t_dfx / $t_sql" | bc -l)" "$(echo "$t_dbt / $t_dfx" | bc -l)"
  results+=("$t_dfx $t_sql $t_dbt")
done
printf '%s\n' "${results[@]}" | python3 -c '
import statistics, sys
rows = [list(map(float, line.split())) for line in sys.stdin if line.strip()]
dfx, sql, dbt = (statistics.median(column) for column in zip(*rows))
print(f"median of {len(rows)} runs: dfx {dfx:.2f} s, hand-written SQL {sql:.2f} s, dbt {dbt:.2f} s; dfx/SQL {dfx/sql:.2f}x, dbt/dfx {dbt/dfx:.2f}x")'

columns="id, name, city, score, updated_at, dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to"
psql -At -c "select 'histories: dfx ' || (select count(*) from bench_dfx.dim_snapshot) || ' rows, SQL ' || (select count(*) from bench_sql.dim_snapshot)
  || ' rows, dbt ' || (select count(*) from bench_dbt.dim_snapshot) || ' rows; dfx vs SQL differing rows: '
  || (select count(*) from ((select $columns from bench_dfx.dim_snapshot except all select $columns from bench_sql.dim_snapshot)
       union all (select $columns from bench_sql.dim_snapshot except all select $columns from bench_dfx.dim_snapshot)) d)
  || ', dfx vs dbt: '
  || (select count(*) from ((select $columns from bench_dfx.dim_snapshot except all select $columns from bench_dbt.dim_snapshot)
       union all (select $columns from bench_dbt.dim_snapshot except all select $columns from bench_dfx.dim_snapshot)) d)"
