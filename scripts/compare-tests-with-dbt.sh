#!/usr/bin/env bash
# Runs one project's seeds, models and data tests with `dbt build` and with `dfx build` on the same
# PostgreSQL server (two schemas) and compares every node's status and every test's failure count
# and message in the two run_results.json files. Exit 0 when they agree.
#
#   eval "$(scripts/postgres-start.sh)"
#   DBT=/path/to/venv/bin/dbt scripts/compare-tests-with-dbt.sh    # dbt-core with dbt-postgres
#   scripts/postgres-stop.sh
#
# The project covers unique, not_null, accepted_values, relationships, where, limit, severity,
# error_if/warn_if, and build's skips (a failing relationships test skips only the model below both
# of its parents).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DFX_TEST_POSTGRES_URL:?start a server first: eval \"\$(scripts/postgres-start.sh)\"}"
DBT=${DBT:-dbt}
DFX=${DFX:-$PWD/.build/debug/dfx}
[ -x "$DFX" ] || { echo "build dfx first (swift build)" >&2; exit 2; }

# postgresql://user@host:port/dbname
rest=${DFX_TEST_POSTGRES_URL#postgresql://}
user=${rest%%@*}; rest=${rest#*@}
host=${rest%%:*}; rest=${rest#*:}
port=${rest%%/*}; dbname=${rest#*/}

work=$(mktemp -d "${TMPDIR:-/tmp}/dfx-dbt-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/models" "$work/seeds"
cat > "$work/dbt_project.yml" <<'YAML'
name: proj
version: "1.0"
profile: proj
YAML
cat > "$work/profiles.yml" <<YAML
proj:
  target: dbt
  outputs:
    dbt: {type: postgres, host: $host, port: $port, user: $user, password: "", dbname: $dbname, schema: compare_dbt, threads: 1}
    dfx: {type: postgres, host: $host, port: $port, user: $user, password: "", dbname: $dbname, schema: compare_dfx, threads: 1}
YAML
printf 'id,name\n1,a\n2,b\n3,c\n' > "$work/seeds/customers.csv"
printf 'id,customer_id,amount,status\n1,1,10,placed\n1,1,15,shipped\n3,9,-5,weird\n4,3,,placed\n5,2,100,placed\n6,,7,placed\n' \
  > "$work/seeds/raw_orders.csv"
echo "select * from {{ ref('raw_orders') }}" > "$work/models/orders.sql"
echo "select count(*) as n from {{ ref('orders') }}" > "$work/models/order_count.sql"
echo "select o.id, c.name from {{ ref('orders') }} o join {{ ref('customers') }} c on c.id = o.customer_id" \
  > "$work/models/joined.sql"
cat > "$work/models/schema.yml" <<'YAML'
version: 2
models:
  - name: orders
    columns:
      - name: id
        data_tests:
          - unique: {config: {severity: warn}}
          - not_null
          - unique: {name: unique_where, config: {where: "id > 1"}}
      - name: customer_id
        data_tests:
          - relationships: {to: ref('customers'), field: id}
          - not_null: {name: nn_customer_warn, config: {severity: warn}}
      - name: status
        data_tests:
          - accepted_values: {values: [placed, shipped], config: {severity: warn}}
          - accepted_values: {name: av_limit, values: [placed], config: {limit: 1, severity: warn}}
          - accepted_values: {name: av_error, values: [placed, shipped, weird]}
      - name: amount
        data_tests:
          - not_null: {name: nn_amount_threshold, config: {error_if: ">5", warn_if: ">0"}}
          - not_null: {name: nn_amount_pass, config: {error_if: ">5", warn_if: ">5"}}
YAML

(cd "$work" && "$DBT" build --profiles-dir . --target dbt >dbt.log 2>&1) || true
cp "$work/target/run_results.json" "$work/dbt.json"
rm -rf "$work/target"
(cd "$work" && "$DFX" build --profiles-dir . --target dfx --no-audit-log >dfx.log 2>&1) || true
cp "$work/target/run_results.json" "$work/dfx.json"

python3 - "$work/dbt.json" "$work/dfx.json" <<'PY'
import json, sys
def load(path):
    return {r["unique_id"].split(".")[2]: r for r in json.load(open(path))["results"]}
dbt, dfx = load(sys.argv[1]), load(sys.argv[2])
problems = [f"only in dbt: {sorted(set(dbt) - set(dfx))}"] if set(dbt) - set(dfx) else []
problems += [f"only in dfx: {sorted(set(dfx) - set(dbt))}"] if set(dfx) - set(dbt) else []
for name in sorted(set(dbt) & set(dfx)):
    a, b = dbt[name], dfx[name]
    keys = ["status"] + (["failures", "message"] if a["unique_id"].startswith("test.") else [])
    left, right = [a.get(k) or None for k in keys], [b.get(k) or None for k in keys]
    print(("same" if left == right else "DIFFERENT"), name, left, "" if left == right else f"dfx: {right}")
    if left != right:
        problems.append(name)
if problems:
    print("dbt and dfx disagree:", problems)
    sys.exit(1)
print(f"dbt and dfx agree on all {len(dbt)} nodes")
PY
