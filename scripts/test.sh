#!/usr/bin/env bash
# Runs every dfx test: starts a throwaway PostgreSQL server for the integration tests, runs `swift test`
# against it (and against SQLite files under temporary folders), then stops the server.
# Fails, never skips, when PostgreSQL cannot be started.
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(scripts/postgres-start.sh)"
trap 'scripts/postgres-stop.sh' EXIT
echo "test.sh: PostgreSQL for the integration tests at ${DFX_TEST_POSTGRES_URL}"
export DFX_REQUIRE_POSTGRES=1

swift build --build-tests "$@"
swift test --skip-build "$@"
