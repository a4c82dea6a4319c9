#!/usr/bin/env bash
# Stops the server started by scripts/postgres-start.sh (reads DFX_TEST_PGDATA) and removes its files.
set -uo pipefail
[ -n "${DFX_TEST_PGDATA:-}" ] || exit 0
run_as=()
[ "$(id -u)" = 0 ] && run_as=(runuser -u postgres --)
"${run_as[@]}" "$DFX_TEST_PGBIN/pg_ctl" -D "$DFX_TEST_PGDATA" -m fast -w stop >/dev/null 2>&1
rm -rf "$(dirname "$DFX_TEST_PGDATA")"
