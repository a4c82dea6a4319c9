"""Rows for the raw source tables (`generate.py --rows N`), so the project's SQL runs on PostgreSQL.

`setup/raw_data.sql` fills every table of `setup/raw_tables.sql` with N rows made by
`generate_series` in the database (the file stays a few KB whatever N is). Values are arithmetic on
the row number, so the same N gives the same data everywhere, and they exercise the staging SQL:
mixed-case statuses with spaces (lower(trim())), NULLs where coalesce() has work to do, empty strings
for nullif(), a few deleted rows, a few rows older than the start_date var, and an updated_at a few
days after created_at so incremental models find recent rows on a re-run.
"""

from .project import ATTRIBUTE_TYPES

# Column of a raw table -> SQL expression over the row number `i` (integer).
TEXT_VALUES = {
    "channel": "(array[' Web', 'store ', 'Partner', 'app'])[1 + i % 4]",
    "country_code": "(array['us', 'de', 'fr', 'jp', 'br', 'ca'])[1 + i % 6]",
    "currency": "case when i % 10 = 0 then null else (array['EUR', 'USD', 'GBP'])[1 + i % 3] end",
    "region": "(array['north', ' south ', '', 'east', 'west'])[1 + i % 5]",
    "device_type": "(array['Mobile', 'DESKTOP', 'tablet'])[1 + i % 3]",
    "source_system": "(array['erp', 'crm', 'shop'])[1 + i % 3]",
    "external_ref": "case when i % 4 = 0 then '' else 'ext-' || (i * 7919 % 100000) end",
    "notes": "case when i % 3 = 0 then null else 'note for record ' || i || repeat(' lorem ipsum', (i % 5)::int) end",
    "email": "' User' || (i % 500) || '@Example.com '",
    "utm_source": "case when i % 6 = 0 then null else (array['google', 'newsletter', 'partner'])[1 + i % 3] end",
    "utm_campaign": "'campaign_' || (i % 12)",
}

TYPED_VALUES = {
    "discount_cents": "(i * 37) % 5000",
    "tax_cents": "(i * 53) % 9000",
    "quantity": "1 + i % 9",
    "is_test": "case when i % 50 = 0 then null else i % 97 = 0 end",
    "priority": "case when i % 8 = 0 then null else 1 + (i % 5)::int end",
    "weight_grams": "100 + (i * 13) % 20000",
    "cancelled_at": "case when i % 9 = 0 then timestamp '2023-01-01' + (i % 900) * interval '1 day' end",
    "shipped_at": "case when i % 3 = 0 then null else timestamp '2023-01-02' + (i % 900) * interval '1 day' end",
    "score": "((i * 7919) % 10000) / 100.0",
}


def status_values(statuses):
    """The table's statuses, spelled the way an operational system might (case, spaces)."""
    spelled = []
    for position, status in enumerate(statuses):
        spelled.append(status.upper() if position % 2 else f" {status.capitalize()} ")
    return "array[" + ", ".join("'" + s + "'" for s in spelled) + "]"


def raw_data_sql(tables, rows):
    lines = [
        f"-- Rows for the raw source tables: {rows} per table, made by generate_series.",
        "--   psql -v ON_ERROR_STOP=1 -f setup/raw_tables.sql -f setup/raw_data.sql",
    ]
    customers = max(10, rows // 5)
    for table in tables:
        columns = ["id", "customer_id", "status", "amount_cents", "created_at", "updated_at", "_loaded_at", "is_deleted"]
        statuses = status_values(table.statuses)
        values = [
            # A few ids repeat (an older version of the record, deduplicated by the staging model).
            "case when i % 20 = 0 then i - 1 else i end",
            f"1 + (i * 7919) % {customers}",
            f"({statuses})[1 + (i * 31) % {len(table.statuses)}]",
            "(i::bigint * 104729) % 250000",
            "timestamp '2019-12-01' + (i * 37 % 1500) * interval '1 day' + (i % 86400) * interval '1 second'",
            "timestamp '2019-12-01' + (i * 37 % 1500 + i % 11) * interval '1 day' + (i % 86400) * interval '1 second'",
            "timestamp '2024-06-01' + (i % 1000) * interval '1 minute'",
            "i % 25 = 0",
        ]
        for attribute in table.attributes:
            column = attribute[0]
            columns.append(column)
            if column in TYPED_VALUES:
                values.append(TYPED_VALUES[column])
            else:
                assert ATTRIBUTE_TYPES.get(column, "text") == "text", column
                values.append(TEXT_VALUES[column])
        lines.append(f"truncate raw.{table.name};")
        lines.append(
            f"insert into raw.{table.name} ({', '.join(columns)})\nselect\n    "
            + ",\n    ".join(values)
            + f"\nfrom generate_series(1, {rows}) as i;"
        )
    lines.append("analyze;")
    return "\n".join(lines) + "\n"
