"""Project-level files: dbt_project.yml, profiles.yml, the sources YAML, macros and singular tests."""

from .layout import DOMAINS, VALUE_TIERS
from .yamltext import quoted

DBT_PROJECT = """\
# Synthetic project written by scripts/synth/generate.py (models={models}, seed={seed}).
name: synth
version: "1.0.0"
config-version: 2
profile: synth

model-paths: ["models"]
macro-paths: ["macros"]
test-paths: ["tests"]
analysis-paths: ["analyses"]
seed-paths: ["seeds"]
snapshot-paths: ["snapshots"]
target-path: "target"
clean-targets: ["target", "dbt_packages"]

vars:
  start_date: "2020-01-01"
  lookback_days: 3
  high_value_threshold: 500
  default_currency: "USD"
  value_tiers: {tiers}
  excluded_statuses: ["cancelled", "void", "lost"]

models:
  synth:
    +materialized: view
    staging:
      +materialized: view
      +schema: staging
      +tags: ["staging"]
    intermediate:
      +materialized: view
      +schema: intermediate
      +tags: ["intermediate"]
    marts:
      +materialized: table
      +schema: marts
      +tags: ["marts"]
{mart_domains}
data_tests:
  synth:
    +severity: error
"""

PROFILES = """\
# Connection settings for the synthetic project: every value comes from an environment variable with a
# local default. No secret is stored here; set SYNTH_PGPASSWORD in the environment when needed.
synth:
  target: dev
  outputs:
    dev:
      type: postgres
      host: "{{ env_var('SYNTH_PGHOST', 'localhost') }}"
      port: "{{ env_var('SYNTH_PGPORT', '5432') | as_number }}"
      user: "{{ env_var('SYNTH_PGUSER', 'postgres') }}"
      password: "{{ env_var('SYNTH_PGPASSWORD', '') }}"
      dbname: "{{ env_var('SYNTH_PGDATABASE', 'synth') }}"
      schema: "{{ env_var('SYNTH_PGSCHEMA', 'analytics') }}"
      threads: 4
"""

MACROS = {
    "macros/cents_to_dollars.sql": """\
{#- Converts an integer amount of cents to the currency's major unit. -#}
{% macro cents_to_dollars(column_name, scale=2) -%}
    round(cast({{ column_name }} as numeric(18, 4)) / 100, {{ scale }})
{%- endmacro %}
""",
    "macros/safe_divide.sql": """\
{% macro safe_divide(numerator, denominator, default=0) -%}
    case
        when {{ denominator }} is null or {{ denominator }} = 0 then {{ default }}
        else cast({{ numerator }} as numeric(18, 6)) / {{ denominator }}
    end
{%- endmacro %}
""",
    "macros/value_tier.sql": """\
{#- Buckets an amount into the tiers of var('value_tiers'), split at the high-value threshold. -#}
{% macro value_tier(column_name, threshold=none) -%}
    {%- set limit = threshold if threshold is not none else var('high_value_threshold') -%}
    {%- set tiers = var('value_tiers') -%}
    case
        when {{ column_name }} >= {{ limit }} then '{{ tiers[0] }}'
        when {{ column_name }} >= {{ limit // 10 }} then '{{ tiers[1] }}'
        else '{{ tiers[2] }}'
    end
{%- endmacro %}
""",
    "macros/surrogate_key.sql": """\
{% macro surrogate_key(field_list) -%}
    md5(
    {%- for field in field_list %}
        coalesce(cast({{ field }} as varchar), '_null_'){% if not loop.last %} || '-' ||{% endif %}
    {%- endfor %}
    )
{%- endmacro %}
""",
    "macros/lookback_filter.sql": """\
{% macro lookback_filter(column_name, days=none) -%}
    {%- set window = days if days is not none else var('lookback_days', 3) -%}
    {{ column_name }} >= current_date - interval '{{ window }} days'
{%- endmacro %}
""",
    "macros/generate_schema_name.sql": """\
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- set default_schema = target.schema -%}
    {%- if custom_schema_name is none -%}
        {{ default_schema }}
    {%- else -%}
        {{ default_schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
""",
    "macros/tests/non_negative.sql": """\
{% test non_negative(model, column_name, allow_null=true) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} < 0
{%- if not allow_null %}
   or {{ column_name }} is null
{%- endif %}
{% endtest %}
""",
    "macros/_macros.yml": """\
version: 2

macros:
  - name: cents_to_dollars
    description: Converts an integer amount of cents to the currency's major unit.
    arguments:
      - name: column_name
        type: string
        description: The column or expression holding cents.
      - name: scale
        type: integer
        description: Decimal places to round to (default 2).
  - name: value_tier
    description: Buckets an amount into the tiers of var('value_tiers').
""",
}


ATTRIBUTE_TYPES = {
    "discount_cents": "bigint", "tax_cents": "bigint", "quantity": "numeric", "is_test": "boolean",
    "priority": "integer", "weight_grams": "numeric", "cancelled_at": "timestamp", "shipped_at": "timestamp",
    "score": "double precision",
}


def raw_tables_ddl(tables):
    """PostgreSQL DDL for the raw source tables (empty), so the project can also be run."""
    lines = [
        "-- Raw source tables of the synthetic project, for running it against PostgreSQL:",
        "--   psql -v ON_ERROR_STOP=1 -f setup/raw_tables.sql   (creates schema raw; not read by dbt or dfx)",
        "create schema if not exists raw;",
    ]
    for table in tables:
        columns = [
            "id bigint", "customer_id bigint", "status text", "amount_cents bigint", "created_at timestamp",
            "updated_at timestamp", "_loaded_at timestamp", "is_deleted boolean",
        ]
        columns += [f"{a[0]} {ATTRIBUTE_TYPES.get(a[0], 'text')}" for a in table.attributes]
        lines.append(f"create table if not exists raw.{table.name} (\n    " + ",\n    ".join(columns) + "\n);")
    return "\n".join(lines) + "\n"


def mart_domain_block():
    lines = []
    for domain in DOMAINS:
        lines.append(f"      {domain}:")
        lines.append(f"        +tags: [{quoted(domain)}]")
        if domain == "finance":
            lines.append("        +persist_docs: {relation: true, columns: true}")
    return "\n".join(lines)


class ProjectWriter:
    def __init__(self, layout, seed):
        self.layout = layout
        self.seed = seed

    def files(self):
        files = {
            "dbt_project.yml": DBT_PROJECT.format(
                models=len(self.layout.models), seed=self.seed,
                tiers="[" + ", ".join(quoted(t) for t in VALUE_TIERS) + "]",
                mart_domains=mart_domain_block()),
            "profiles.yml": PROFILES,
            "models/staging/_sources.yml": self.sources_yaml(),
            ".gitignore": "target/\nlogs/\ndbt_packages/\n",
            "setup/raw_tables.sql": raw_tables_ddl(self.layout.tables),
        }
        files.update(MACROS)
        for name, models in self.layout.singular_tests:
            files[f"tests/{name}.sql"] = self.singular_test(name, models)
        return files

    def sources_yaml(self):
        lines = [
            "version: 2", "", "sources:", "  - name: raw",
            "    description: Operational tables replicated from the production databases.",
            "    schema: \"{{ var('raw_schema', 'raw') }}\"",
            "    loaded_at_field: _loaded_at",
            "    freshness:",
            "      warn_after: {count: 12, period: hour}",
            "      error_after: {count: 36, period: hour}",
            "    tables:",
        ]
        for table in self.layout.tables:
            lines += [
                f"      - name: {table.name}",
                f"        description: One row per {table.singular.replace('_', ' ')} in the {table.domain} system.",
                "        columns:",
                "          - name: id",
                f"            description: Primary key of the {table.singular.replace('_', ' ')}.",
            ]
            if table.key_tested:
                lines.append("            data_tests: [unique, not_null]")
            lines += [
                "          - name: customer_id",
                "            description: The customer the record belongs to.",
                "          - name: status",
            ]
            if table.key_tested:
                lines += [
                    "            data_tests:",
                    "              - accepted_values:",
                    "                  arguments:",
                    "                    values: [" + ", ".join(quoted(s) for s in table.statuses) + "]",
                ]
        return "\n".join(lines) + "\n"

    @staticmethod
    def singular_test(name, models):
        first = models[0]
        lines = [
            f"-- {name}: amounts in {first} must reconcile with their upstream totals.",
            "{{ config(severity='warn', tags=['reconciliation']) }}",
            "",
            "with totals as (",
            "    select",
            "        customer_id,",
            "        sum(amount) as total_amount",
            f"    from {{{{ ref('{first}') }}}}",
            "    group by customer_id",
            ")",
        ]
        if len(models) > 1:
            lines += [
                "",
                ", other as (",
                "    select customer_id, sum(amount) as total_amount",
                f"    from {{{{ ref('{models[1]}') }}}}",
                "    group by customer_id",
                ")",
                "",
                "select totals.customer_id",
                "from totals",
                "inner join other on other.customer_id = totals.customer_id",
                "where totals.total_amount < 0 or other.total_amount < 0",
            ]
        else:
            lines += ["", "select customer_id from totals where total_amount < 0"]
        return "\n".join(lines) + "\n"
