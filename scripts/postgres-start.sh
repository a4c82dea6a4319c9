#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for dfx's integration tests and prints the environment to use it.
#
#   eval "$(scripts/postgres-start.sh)"     # exports DFX_TEST_POSTGRES_URL and DFX_TEST_PGDATA
#   scripts/postgres-stop.sh                 # stops it and removes its data directory
#
# Uses the Debian postgresql package's binaries (any installed major version). The server listens on
# 127.0.0.1 only, on a free port, with trust authentication for the local test role; its data directory
# lives under a temporary folder. Exits non-zero, loudly, when no server can be started: the tests must
# fail, never skip, without a database.
set -euo pipefail

fail() { echo "postgres-start: $*" >&2; exit 1; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || fail "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"

port=${DFX_TEST_PGPORT:-}
if [ -z "$port" ]; then
  for candidate in $(seq 54320 54399); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
fi
[ -n "$port" ] || fail "no free port in 54320-54399"

root=$(mktemp -d "${TMPDIR:-/tmp}/dfx-pg.XXXXXX")
data="$root/data"
run_as=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: run it as the postgres system user the package created.
  id postgres >/dev/null 2>&1 || fail "running as root but there is no 'postgres' user"
  chown postgres "$root"
  run_as=(runuser -u postgres --)
fi

"${run_as[@]}" "$bindir/initdb" -D "$data" -U dfx --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
  || { cat "$root/initdb.log" >&2; fail "initdb failed"; }
"${run_as[@]}" "$bindir/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$root -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$root/server.log" >&2; fail "the server did not start"; }
"$bindir/psql" "postgresql://dfx@127.0.0.1:$port/postgres" -qAt -c "create database dfx_test" >/dev/null \
  || fail "could not create database dfx_test"

echo "export DFX_TEST_POSTGRES_URL='postgresql://dfx@127.0.0.1:$port/dfx_test'"
echo "export DFX_TEST_PGDATA='$data'"
echo "export DFX_TEST_PGBIN='$bindir'"
