#!/usr/bin/env bash
# Differential test of `dfx snapshot` against `dbt snapshot` on PostgreSQL.
#
#   scripts/snapshot-diff/run.sh            # needs a server: PG* variables, or DFX_TEST_POSTGRES_URL
#                                           # (eval "$(scripts/postgres-start.sh)")
#   DBT=/path/to/dbt DFX=/path/to/dfx scripts/snapshot-diff/run.sh
#   DAYS=scripts/snapshot-diff/reinsert-days.sql scripts/snapshot-diff/run.sh   # where dbt is wrong (see there)
#
# Runs the project in project/ (five snapshots: timestamp and check strategies, check_cols all,
# composite keys, hard_deletes invalidate / new_record / invalidate_hard_deletes, dbt_valid_to_current
# with renamed meta columns; SQL and YAML declarations) through both tools over the days in days.sql,
# each tool into its own schema (snapdiff_dbt, snapdiff_dfx), and after every day compares every
# history table row by row: every column, the meta columns (dbt_scd_id, dbt_updated_at,
# dbt_valid_from, dbt_valid_to, dbt_is_deleted) included. Both tools date the day's versions with the
# same execution time: dfx with --snapshot-time, dbt through the project's postgres__snapshot_get_time
# override (a var), so nothing is normalized or excluded. Exit status 0 when every table matches on
# every day.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dbt=${DBT:-/tmp/dbtvenv/bin/dbt}
dfx=${DFX:-$repo/.build/debug/dfx}
[ -x "$dbt" ] || { echo "snapshot-diff: no dbt at $dbt (set DBT)" >&2; exit 2; }
[ -x "$dfx" ] || { echo "snapshot-diff: no dfx at $dfx (swift build, or set DFX)" >&2; exit 2; }

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

work=$(mktemp -d "${TMPDIR:-/tmp}/dfx-snapdiff.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$here/project/." "$work/"
awk -v dir="$work" '/^-- day [0-9]+/ { n = $3 } n { print > (dir "/day" n ".sql") }' "${DAYS:-$here/days.sql}"
days=$(ls "$work"/day*.sql | wc -l)
psql -q -v ON_ERROR_STOP=1 -c "drop schema if exists snapdiff_dbt cascade; drop schema if exists snapdiff_dfx cascade" >/dev/null

tables="s_ts s_check s_check_all s_ts_new_record s_valid_to_current"
mismatches=0
for day in $(seq 1 "$days"); do
  time="2024-01-$(printf %02d "$day") 12:00:00"
  psql -q -v ON_ERROR_STOP=1 -f "$work/day$day.sql" >/dev/null
  (cd "$work" && "$dbt" snapshot --profiles-dir . --target dbt --vars "{snapshot_time: '$time'}" >"$work/dbt-day$day.log" 2>&1) \
    || { echo "day $day: dbt snapshot failed:"; tail -20 "$work/dbt-day$day.log"; exit 1; }
  (cd "$work" && "$dfx" snapshot --target dfx --snapshot-time "$time" >"$work/dfx-day$day.log" 2>&1) \
    || { echo "day $day: dfx snapshot failed:"; tail -20 "$work/dfx-day$day.log"; exit 1; }
  for table in $tables; do
    columns=$(psql -At -c "select string_agg(quote_ident(column_name), ', ' order by column_name) from information_schema.columns where table_schema = 'snapdiff_dbt' and table_name = '$table'")
    dfx_columns=$(psql -At -c "select string_agg(quote_ident(column_name), ', ' order by column_name) from information_schema.columns where table_schema = 'snapdiff_dfx' and table_name = '$table'")
    if [ "$columns" != "$dfx_columns" ]; then
      echo "day $day $table: columns differ: dbt ($columns) dfx ($dfx_columns)"; mismatches=$((mismatches + 1)); continue
    fi
    counts=$(psql -At -F ' ' -c "select
        (select count(*) from snapdiff_dbt.$table),
        (select count(*) from snapdiff_dfx.$table),
        (select count(*) from (select $columns from snapdiff_dbt.$table except all select $columns from snapdiff_dfx.$table) d),
        (select count(*) from (select $columns from snapdiff_dfx.$table except all select $columns from snapdiff_dbt.$table) d)")
    read -r dbt_rows dfx_rows only_dbt only_dfx <<<"$counts"
    if [ "$only_dbt" = 0 ] && [ "$only_dfx" = 0 ]; then
      printf 'day %d  %-20s identical (%s rows)\n' "$day" "$table" "$dbt_rows"
    else
      printf 'day %d  %-20s DIFFERENT: dbt %s rows, dfx %s rows; %s only in dbt, %s only in dfx\n' "$day" "$table" "$dbt_rows" "$dfx_rows" "$only_dbt" "$only_dfx"
      psql -c "(select 'dbt' as side, * from (select $columns from snapdiff_dbt.$table except all select $columns from snapdiff_dfx.$table) a)
               union all (select 'dfx', * from (select $columns from snapdiff_dfx.$table except all select $columns from snapdiff_dbt.$table) b) order by 2, 1"
      mismatches=$((mismatches + 1))
    fi
  done
done
echo
if [ "$mismatches" = 0 ]; then
  echo "snapshot-diff: dbt and dfx histories identical for $(echo $tables | wc -w) snapshots over $days days"
else
  echo "snapshot-diff: $mismatches table-days differ"; exit 1
fi
