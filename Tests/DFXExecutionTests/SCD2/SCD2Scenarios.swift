/// The scenarios of `SCD2ScenarioTests`: every case of issue #5 point 3, both strategies,
/// composite keys, snapshots in SQL and in YAML, and `scd2` models.
extension SCD2Scenario {
    static let all: [SCD2Scenario] = [timestampSnapshot, checkSnapshotInYAML, duplicateKeys, scd2Model, scd2CheckModel, renamedMetaColumns]

    /// Timestamp strategy, hard_deletes invalidate: two changes between runs give one version, an
    /// updated_at that goes backwards is no change, a deleted key is closed at the execution time
    /// and re-opened (at the execution time, without overlap) when it returns with an old updated_at.
    static let timestampSnapshot = SCD2Scenario(
        name: "timestamp snapshot",
        files: [
            "models/sources.yml": sources,
            "snapshots/customers_snapshot.sql": """
            {% snapshot customers_snapshot %}
            {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='{schema}', hard_deletes='invalidate') }}
            select * from {{ source('raw', 'customers') }}
            {% endsnapshot %}
            """,
        ],
        setup: customersTable,
        select: "select id, name, dbt_valid_from, dbt_valid_to, dbt_updated_at, \(scdCheck(key: ["id"])) from {customers_snapshot} order by id, dbt_valid_from",
        days: [
            Day(
                time: "2024-01-01 12:00:00",
                expected: [
                    "1|a|2024-01-01 08:00:00|∅|2024-01-01 08:00:00|ok", "2|b|2024-01-01 08:00:00|∅|2024-01-01 08:00:00|ok",
                    "3|c|2024-01-01 08:00:00|∅|2024-01-01 08:00:00|ok",
                ]),
            Day(
                sql: [
                    "update {customers} set name = 'a1', updated_at = TS(2024-01-02 09:00:00) where id = 1",
                    "update {customers} set name = 'a2', updated_at = TS(2024-01-02 10:00:00) where id = 1",
                    "update {customers} set name = 'b-late', updated_at = TS(2023-12-31 00:00:00) where id = 2",
                    "delete from {customers} where id = 3",
                ],
                time: "2024-01-02 12:00:00",
                expected: [
                    "1|a|2024-01-01 08:00:00|2024-01-02 10:00:00|2024-01-01 08:00:00|ok",
                    "1|a2|2024-01-02 10:00:00|∅|2024-01-02 10:00:00|ok",
                    "2|b|2024-01-01 08:00:00|∅|2024-01-01 08:00:00|ok",
                    "3|c|2024-01-01 08:00:00|2024-01-02 12:00:00|2024-01-01 08:00:00|ok",
                ]),
            Day(
                sql: [
                    "insert into {customers} values (3, 'c', TS(2024-01-01 08:00:00)), (4, 'd', TS(2024-01-03 07:00:00))"
                ],
                time: "2024-01-03 12:00:00",
                expected: [
                    "1|a|2024-01-01 08:00:00|2024-01-02 10:00:00|2024-01-01 08:00:00|ok",
                    "1|a2|2024-01-02 10:00:00|∅|2024-01-02 10:00:00|ok",
                    "2|b|2024-01-01 08:00:00|∅|2024-01-01 08:00:00|ok",
                    "3|c|2024-01-01 08:00:00|2024-01-02 12:00:00|2024-01-01 08:00:00|ok",
                    "3|c|2024-01-03 12:00:00|∅|2024-01-01 08:00:00|ok",
                    "4|d|2024-01-03 07:00:00|∅|2024-01-03 07:00:00|ok",
                ]),
            // Nothing changed: nothing is written.
            Day(
                time: "2024-01-04 12:00:00",
                expected: [
                    "1|a|2024-01-01 08:00:00|2024-01-02 10:00:00|2024-01-01 08:00:00|ok",
                    "1|a2|2024-01-02 10:00:00|∅|2024-01-02 10:00:00|ok",
                    "2|b|2024-01-01 08:00:00|∅|2024-01-01 08:00:00|ok",
                    "3|c|2024-01-01 08:00:00|2024-01-02 12:00:00|2024-01-01 08:00:00|ok",
                    "3|c|2024-01-03 12:00:00|∅|2024-01-01 08:00:00|ok",
                    "4|d|2024-01-03 07:00:00|∅|2024-01-03 07:00:00|ok",
                ]),
        ])

    /// Check strategy on every column, composite key, hard_deletes new_record, declared in YAML:
    /// NULL→value and value→NULL are changes; a deleted key gets one deletion record (not one per
    /// run); a key that comes back closes its deletion record; a new source column is added and,
    /// under check_cols all, versions every current row (as dbt does).
    static let checkSnapshotInYAML = SCD2Scenario(
        name: "check snapshot in YAML",
        files: [
            "models/sources.yml": sources,
            "snapshots/regions.yml": """
            version: 2
            snapshots:
              - name: regions_snapshot
                relation: source('raw', 'regions')
                config:
                  target_schema: "{schema}"
                  unique_key: [id, region]
                  strategy: check
                  check_cols: all
                  hard_deletes: new_record
            """,
        ],
        setup: regionsTable,
        select: "select id, region, name, dbt_valid_from, dbt_valid_to, dbt_is_deleted, \(scdCheck(key: ["id", "region"])) from {regions_snapshot} order by id, region, dbt_valid_from",
        days: [
            Day(
                time: "2024-01-01 12:00:00",
                expected: [
                    "1|eu|a|2024-01-01 12:00:00|∅|False|ok", "1|us|∅|2024-01-01 12:00:00|∅|False|ok",
                    "2|eu|b|2024-01-01 12:00:00|∅|False|ok", "3|eu|c|2024-01-01 12:00:00|∅|False|ok",
                ]),
            Day(
                sql: [
                    "update {regions} set name = null where id = 1 and region = 'eu'",
                    "update {regions} set name = 'x' where id = 1 and region = 'us'",
                    "delete from {regions} where id in (2, 3)",
                ],
                time: "2024-01-02 12:00:00",
                expected: [
                    "1|eu|a|2024-01-01 12:00:00|2024-01-02 12:00:00|False|ok", "1|eu|∅|2024-01-02 12:00:00|∅|False|ok",
                    "1|us|∅|2024-01-01 12:00:00|2024-01-02 12:00:00|False|ok", "1|us|x|2024-01-02 12:00:00|∅|False|ok",
                    "2|eu|b|2024-01-01 12:00:00|2024-01-02 12:00:00|False|ok", "2|eu|b|2024-01-02 12:00:00|∅|True|bad",
                    "3|eu|c|2024-01-01 12:00:00|2024-01-02 12:00:00|False|ok", "3|eu|c|2024-01-02 12:00:00|∅|True|bad",
                ]),
            Day(
                sql: ["insert into {regions} values (2, 'eu', 'b', TS(2024-01-03 08:00:00))"],
                time: "2024-01-03 12:00:00",
                expected: [
                    "1|eu|a|2024-01-01 12:00:00|2024-01-02 12:00:00|False|ok", "1|eu|∅|2024-01-02 12:00:00|∅|False|ok",
                    "1|us|∅|2024-01-01 12:00:00|2024-01-02 12:00:00|False|ok", "1|us|x|2024-01-02 12:00:00|∅|False|ok",
                    "2|eu|b|2024-01-01 12:00:00|2024-01-02 12:00:00|False|ok", "2|eu|b|2024-01-02 12:00:00|2024-01-03 12:00:00|True|bad",
                    "2|eu|b|2024-01-03 12:00:00|∅|False|ok",
                    "3|eu|c|2024-01-01 12:00:00|2024-01-02 12:00:00|False|ok", "3|eu|c|2024-01-02 12:00:00|∅|True|bad",
                ]),
            Day(
                sql: ["alter table {regions} add column tier text", "update {regions} set tier = 'gold' where id = 1 and region = 'eu'"],
                time: "2024-01-04 12:00:00",
                expected: [
                    "1|eu|a|∅|2024-01-01 12:00:00|2024-01-02 12:00:00|False", "1|eu|∅|∅|2024-01-02 12:00:00|2024-01-04 12:00:00|False",
                    "1|eu|∅|gold|2024-01-04 12:00:00|∅|False",
                    "1|us|∅|∅|2024-01-01 12:00:00|2024-01-02 12:00:00|False", "1|us|x|∅|2024-01-02 12:00:00|2024-01-04 12:00:00|False",
                    "1|us|x|∅|2024-01-04 12:00:00|∅|False",
                    "2|eu|b|∅|2024-01-01 12:00:00|2024-01-02 12:00:00|False", "2|eu|b|∅|2024-01-02 12:00:00|2024-01-03 12:00:00|True",
                    "2|eu|b|∅|2024-01-03 12:00:00|2024-01-04 12:00:00|False", "2|eu|b|∅|2024-01-04 12:00:00|∅|False",
                    "3|eu|c|∅|2024-01-01 12:00:00|2024-01-02 12:00:00|False", "3|eu|c|∅|2024-01-02 12:00:00|∅|True",
                ],
                select: "select id, region, name, tier, dbt_valid_from, dbt_valid_to, dbt_is_deleted from {regions_snapshot} order by id, region, dbt_valid_from"),
        ])

    /// A duplicated key (and a NULL key) in the source fail the run naming them; nothing is
    /// written, not even the valid changes of that day; the next clean run applies them.
    static let duplicateKeys = SCD2Scenario(
        name: "duplicate keys",
        files: [
            "models/sources.yml": sources,
            "snapshots/customers_snapshot.sql": """
            {% snapshot customers_snapshot %}
            {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='{schema}') }}
            select * from {{ source('raw', 'customers') }}
            {% endsnapshot %}
            """,
        ],
        setup: customersTable,
        select: "select id, name, dbt_valid_from, dbt_valid_to from {customers_snapshot} order by id, dbt_valid_from",
        days: [
            Day(
                time: "2024-01-01 12:00:00",
                expected: ["1|a|2024-01-01 08:00:00|∅", "2|b|2024-01-01 08:00:00|∅", "3|c|2024-01-01 08:00:00|∅"]),
            Day(
                sql: [
                    "update {customers} set name = 'a2', updated_at = TS(2024-01-02 10:00:00) where id = 1",
                    "insert into {customers} values (2, 'b-twin', TS(2024-01-02 10:00:00)), (null, 'nobody', TS(2024-01-02 10:00:00))",
                ],
                time: "2024-01-02 12:00:00",
                expected: ["1|a|2024-01-01 08:00:00|∅", "2|b|2024-01-01 08:00:00|∅", "3|c|2024-01-01 08:00:00|∅"],
                failure: "id = 2 (2 rows); id = NULL (1 row); nothing was written"),
            Day(
                sql: ["delete from {customers} where name in ('b-twin', 'nobody')"],
                time: "2024-01-03 12:00:00",
                expected: [
                    "1|a|2024-01-01 08:00:00|2024-01-02 10:00:00", "1|a2|2024-01-02 10:00:00|∅", "2|b|2024-01-01 08:00:00|∅",
                    "3|c|2024-01-01 08:00:00|∅",
                ]),
        ])

    static func dimCustomers(_ extra: String = "") -> String {
        """
        {{ config(materialized='scd2', unique_key='id', updated_at='updated_at', invalidate_hard_deletes=true\(extra)) }}
        select * from {{ source('raw', 'customers') }}
        """
    }

    /// An `scd2` model (timestamp): the first load starts at 1970-01-01; changes and deletions as
    /// for snapshots; `--full-refresh` keeps the history unless the model sets allow_history_rebuild.
    static let scd2Model = SCD2Scenario(
        name: "scd2 model",
        files: ["models/sources.yml": sources, "models/dim_customers.sql": dimCustomers()],
        setup: customersTable,
        select: "select id, name, valid_from, valid_to from {dim_customers} order by id, valid_from",
        days: [
            Day(
                command: ["run"], time: "2024-01-01 12:00:00",
                expected: ["1|a|1970-01-01 00:00:00|∅", "2|b|1970-01-01 00:00:00|∅", "3|c|1970-01-01 00:00:00|∅"]),
            Day(
                sql: ["update {customers} set name = 'a2', updated_at = TS(2024-01-02 10:00:00) where id = 1", "delete from {customers} where id = 2"],
                command: ["run"], time: "2024-01-02 12:00:00",
                expected: [
                    "1|a|1970-01-01 00:00:00|2024-01-02 10:00:00", "1|a2|2024-01-02 10:00:00|∅",
                    "2|b|1970-01-01 00:00:00|2024-01-02 12:00:00", "3|c|1970-01-01 00:00:00|∅",
                ]),
            Day(
                sql: ["update {customers} set name = 'c2', updated_at = TS(2024-01-03 10:00:00) where id = 3"],
                command: ["run", "--full-refresh"], time: "2024-01-03 12:00:00",
                expected: [
                    "1|a|1970-01-01 00:00:00|2024-01-02 10:00:00", "1|a2|2024-01-02 10:00:00|∅",
                    "2|b|1970-01-01 00:00:00|2024-01-02 12:00:00", "3|c|1970-01-01 00:00:00|2024-01-03 10:00:00",
                    "3|c2|2024-01-03 10:00:00|∅",
                ]),
            Day(
                files: ["models/dim_customers.sql": dimCustomers(", allow_history_rebuild=true")],
                command: ["run", "--full-refresh"], time: "2024-01-04 12:00:00",
                expected: ["1|a2|1970-01-01 00:00:00|∅", "3|c2|1970-01-01 00:00:00|∅"]),
        ])

    /// An `scd2` model with the check strategy on a composite key, custom valid_from/valid_to
    /// names and updated_at_as_valid_from: versions are dated by updated_at; a NULL that gets a
    /// value is a change; an updated_at change alone is not; deletions are ignored.
    static let scd2CheckModel = SCD2Scenario(
        name: "scd2 check model",
        files: [
            "models/sources.yml": sources,
            "models/dim_regions.sql": """
            {{ config(materialized='scd2', unique_key=['id', 'region'], strategy='check', check_cols=['name'],
                      updated_at='updated_at', valid_from='start_at', valid_to='end_at', updated_at_as_valid_from=true) }}
            select * from {{ source('raw', 'regions') }}
            """,
        ],
        setup: regionsTable,
        select: "select id, region, name, start_at, end_at from {dim_regions} order by id, region, start_at",
        days: [
            Day(
                command: ["run"], time: "2024-01-01 12:00:00",
                expected: [
                    "1|eu|a|2024-01-01 08:00:00|∅", "1|us|∅|2024-01-01 08:00:00|∅", "2|eu|b|2024-01-01 08:00:00|∅",
                    "3|eu|c|2024-01-01 08:00:00|∅",
                ]),
            Day(
                sql: [
                    "update {regions} set name = 'a2', updated_at = TS(2024-01-02 10:00:00) where id = 1 and region = 'eu'",
                    "update {regions} set name = 'z', updated_at = TS(2024-01-02 11:00:00) where id = 1 and region = 'us'",
                    "update {regions} set updated_at = TS(2024-01-02 09:00:00) where id = 2",
                    "delete from {regions} where id = 3",
                ],
                command: ["run"], time: "2024-01-02 12:00:00",
                expected: [
                    "1|eu|a|2024-01-01 08:00:00|2024-01-02 10:00:00", "1|eu|a2|2024-01-02 10:00:00|∅",
                    "1|us|∅|2024-01-01 08:00:00|2024-01-02 11:00:00", "1|us|z|2024-01-02 11:00:00|∅",
                    "2|eu|b|2024-01-01 08:00:00|∅", "3|eu|c|2024-01-01 08:00:00|∅",
                ]),
        ])

    /// snapshot_meta_column_names and dbt_valid_to_current: current rows carry the far-future
    /// valid-to instead of NULL and are still found and closed.
    static let renamedMetaColumns = SCD2Scenario(
        name: "renamed meta columns",
        files: [
            "models/sources.yml": sources,
            "snapshots/customers_snapshot.sql": """
            {% snapshot customers_snapshot %}
            {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', target_schema='{schema}',
                      invalidate_hard_deletes=true, dbt_valid_to_current="'9999-12-31 00:00:00'",
                      snapshot_meta_column_names={'dbt_valid_from': 'start_at', 'dbt_valid_to': 'end_at', 'dbt_scd_id': 'version_id', 'dbt_updated_at': 'seen_at'}) }}
            select * from {{ source('raw', 'customers') }}
            {% endsnapshot %}
            """,
        ],
        setup: customersTable,
        select: "select id, name, start_at, end_at, seen_at, \(scdCheck(key: ["id"], scdID: "version_id", validFrom: "start_at")) from {customers_snapshot} order by id, start_at",
        days: [
            Day(
                time: "2024-01-01 12:00:00",
                expected: [
                    "1|a|2024-01-01 08:00:00|9999-12-31 00:00:00|2024-01-01 08:00:00|ok",
                    "2|b|2024-01-01 08:00:00|9999-12-31 00:00:00|2024-01-01 08:00:00|ok",
                    "3|c|2024-01-01 08:00:00|9999-12-31 00:00:00|2024-01-01 08:00:00|ok",
                ]),
            Day(
                sql: ["update {customers} set name = 'a2', updated_at = TS(2024-01-02 10:00:00) where id = 1", "delete from {customers} where id = 2"],
                time: "2024-01-02 12:00:00",
                expected: [
                    "1|a|2024-01-01 08:00:00|2024-01-02 10:00:00|2024-01-01 08:00:00|ok",
                    "1|a2|2024-01-02 10:00:00|9999-12-31 00:00:00|2024-01-02 10:00:00|ok",
                    "2|b|2024-01-01 08:00:00|2024-01-02 12:00:00|2024-01-01 08:00:00|ok",
                    "3|c|2024-01-01 08:00:00|9999-12-31 00:00:00|2024-01-01 08:00:00|ok",
                ]),
        ])
}
