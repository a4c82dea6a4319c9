/// dbt's cross-database macros, so that one model runs on PostgreSQL and on SQLite:
/// `dateadd`, `datediff`, `date_trunc`, `cast`, `safe_cast`, the `type_*` helpers, `concat`,
/// `hash`, `current_timestamp`, `split_part`, `any_value`, `bool_or`, `listagg`. Each dispatches
/// on the target (`adapter.dispatch`) to `postgres__…` or `sqlite__…`, and is reachable as
/// `dfx.<name>(...)`, `dbt.<name>(...)` and plainly `<name>(...)`; a project may override any
/// `<adapter>__<name>`.
///
/// SQLite notes: `type_timestamp()` is `text` and `type_boolean()` `integer` there (a cast to
/// a type named `timestamp` would take NUMERIC affinity and turn `'2024-05-15'` into 2024); dates and
/// timestamps are ISO-8601 text (`YYYY-MM-DD HH:MM:SS`), `date_trunc`
/// and `dateadd` return that form; `datediff` counts boundaries crossed, as on PostgreSQL
/// (`datediff('2024-01-31', '2024-02-01', 'month')` is 1); `listagg`'s `order_by` needs SQLite
/// 3.44 and is ignored before; `hash` and `split_part` use the `md5` and `split_part` functions
/// that dfx registers on its SQLite connections.
enum CrossDatabaseMacros {
    static let path = "<dfx cross-database macros>"

    /// Names of the dispatching macros, for documentation and tests.
    static let names = [
        "dateadd", "datediff", "date_trunc", "cast", "safe_cast", "type_string", "type_timestamp", "type_numeric",
        "type_int", "type_bigint", "type_float", "type_boolean", "concat", "hash", "current_timestamp", "split_part",
        "any_value", "bool_or", "listagg",
    ]

    static let source = #"""
{% macro dateadd(datepart, interval, from_date_or_timestamp) %}{{ return(adapter.dispatch('dateadd', 'dbt')(datepart, interval, from_date_or_timestamp)) }}{% endmacro %}
{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) %}({{ from_date_or_timestamp }} + ((interval '1 {{ datepart }}') * ({{ interval }}))){% endmacro %}
{% macro sqlite__dateadd(datepart, interval, from_date_or_timestamp) -%}
{%- set unit = {'day': 'days', 'week': 'days', 'month': 'months', 'quarter': 'months', 'year': 'years', 'hour': 'hours', 'minute': 'minutes', 'second': 'seconds'}[datepart | lower] -%}
{%- set factor = {'week': 7, 'quarter': 3}.get(datepart | lower, 1) -%}
datetime({{ from_date_or_timestamp }}, printf('%+d {{ unit }}', ({{ interval }}) * {{ factor }}))
{%- endmacro %}

{% macro datediff(first_date, second_date, datepart) %}{{ return(adapter.dispatch('datediff', 'dbt')(first_date, second_date, datepart)) }}{% endmacro %}
{% macro postgres__datediff(first_date, second_date, datepart) -%}
{%- set part = datepart | lower -%}
{%- if part == 'year' -%}(date_part('year', ({{ second_date }})::date) - date_part('year', ({{ first_date }})::date))
{%- elif part == 'quarter' -%}((date_part('year', ({{ second_date }})::date) - date_part('year', ({{ first_date }})::date)) * 4 + date_part('quarter', ({{ second_date }})::date) - date_part('quarter', ({{ first_date }})::date))
{%- elif part == 'month' -%}((date_part('year', ({{ second_date }})::date) - date_part('year', ({{ first_date }})::date)) * 12 + date_part('month', ({{ second_date }})::date) - date_part('month', ({{ first_date }})::date))
{%- elif part == 'week' -%}(((({{ second_date }})::date - ({{ first_date }})::date) + extract(isodow from ({{ first_date }})::date)::integer - 1) / 7)
{%- elif part == 'day' -%}(({{ second_date }})::date - ({{ first_date }})::date)
{%- elif part == 'hour' -%}((({{ second_date }})::date - ({{ first_date }})::date) * 24 + date_part('hour', ({{ second_date }})::timestamp) - date_part('hour', ({{ first_date }})::timestamp))
{%- elif part == 'minute' -%}(((({{ second_date }})::date - ({{ first_date }})::date) * 24 + date_part('hour', ({{ second_date }})::timestamp) - date_part('hour', ({{ first_date }})::timestamp)) * 60 + date_part('minute', ({{ second_date }})::timestamp) - date_part('minute', ({{ first_date }})::timestamp))
{%- elif part == 'second' -%}floor(extract(epoch from ({{ second_date }})::timestamp) - extract(epoch from ({{ first_date }})::timestamp))
{%- else -%}{{ exceptions.raise_compiler_error("datediff: unsupported datepart '" ~ datepart ~ "'") }}
{%- endif -%}
{%- endmacro %}
{% macro sqlite__datediff(first_date, second_date, datepart) -%}
{%- set part = datepart | lower -%}
{%- set y2 = "cast(strftime('%Y', " ~ second_date ~ ") as integer)" -%}{%- set y1 = "cast(strftime('%Y', " ~ first_date ~ ") as integer)" -%}
{%- set m2 = "cast(strftime('%m', " ~ second_date ~ ") as integer)" -%}{%- set m1 = "cast(strftime('%m', " ~ first_date ~ ") as integer)" -%}
{%- set days = "cast(julianday(date(" ~ second_date ~ ")) - julianday(date(" ~ first_date ~ ")) as integer)" -%}
{%- set hours = "(" ~ days ~ " * 24 + cast(strftime('%H', " ~ second_date ~ ") as integer) - cast(strftime('%H', " ~ first_date ~ ") as integer))" -%}
{%- if part == 'year' -%}({{ y2 }} - {{ y1 }})
{%- elif part == 'quarter' -%}(({{ y2 }} - {{ y1 }}) * 4 + ({{ m2 }} - 1) / 3 - ({{ m1 }} - 1) / 3)
{%- elif part == 'month' -%}(({{ y2 }} - {{ y1 }}) * 12 + {{ m2 }} - {{ m1 }})
{%- elif part == 'week' -%}(({{ days }} + ((cast(strftime('%w', {{ first_date }}) as integer) + 6) % 7)) / 7)
{%- elif part == 'day' -%}{{ days }}
{%- elif part == 'hour' -%}{{ hours }}
{%- elif part == 'minute' -%}({{ hours }} * 60 + cast(strftime('%M', {{ second_date }}) as integer) - cast(strftime('%M', {{ first_date }}) as integer))
{%- elif part == 'second' -%}(cast(strftime('%s', {{ second_date }}) as integer) - cast(strftime('%s', {{ first_date }}) as integer))
{%- else -%}{{ exceptions.raise_compiler_error("datediff: unsupported datepart '" ~ datepart ~ "'") }}
{%- endif -%}
{%- endmacro %}

{% macro date_trunc(datepart, date) %}{{ return(adapter.dispatch('date_trunc', 'dbt')(datepart, date)) }}{% endmacro %}
{% macro postgres__date_trunc(datepart, date) %}date_trunc('{{ datepart }}', {{ date }}){% endmacro %}
{% macro sqlite__date_trunc(datepart, date) -%}
{%- set part = datepart | lower -%}
{%- if part == 'year' -%}datetime(strftime('%Y-01-01', {{ date }}))
{%- elif part == 'quarter' -%}datetime(strftime('%Y', {{ date }}) || '-' || printf('%02d', ((cast(strftime('%m', {{ date }}) as integer) - 1) / 3) * 3 + 1) || '-01')
{%- elif part == 'month' -%}datetime(strftime('%Y-%m-01', {{ date }}))
{%- elif part == 'week' -%}datetime(date({{ date }}, 'weekday 0', '-6 days'))
{%- elif part == 'day' -%}datetime(date({{ date }}))
{%- elif part == 'hour' -%}strftime('%Y-%m-%d %H:00:00', {{ date }})
{%- elif part == 'minute' -%}strftime('%Y-%m-%d %H:%M:00', {{ date }})
{%- else -%}{{ exceptions.raise_compiler_error("date_trunc: unsupported datepart '" ~ datepart ~ "'") }}
{%- endif -%}
{%- endmacro %}

{% macro cast(field, type) %}{{ return(adapter.dispatch('cast', 'dbt')(field, type)) }}{% endmacro %}
{% macro default__cast(field, type) %}cast({{ field }} as {{ type }}){% endmacro %}
{% macro safe_cast(field, type) %}{{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}{% endmacro %}
{% macro default__safe_cast(field, type) %}cast({{ field }} as {{ type }}){% endmacro %}

{% macro type_string() %}{{ return(adapter.dispatch('type_string', 'dbt')()) }}{% endmacro %}
{% macro default__type_string() %}text{% endmacro %}
{% macro type_timestamp() %}{{ return(adapter.dispatch('type_timestamp', 'dbt')()) }}{% endmacro %}
{% macro default__type_timestamp() %}timestamp{% endmacro %}
{# SQLite: a cast to a type named "timestamp" takes NUMERIC affinity and turns '2024-05-15' into 2024. #}
{% macro sqlite__type_timestamp() %}text{% endmacro %}
{% macro type_numeric() %}{{ return(adapter.dispatch('type_numeric', 'dbt')()) }}{% endmacro %}
{% macro postgres__type_numeric() %}numeric(28,6){% endmacro %}
{% macro sqlite__type_numeric() %}numeric{% endmacro %}
{% macro type_int() %}{{ return(adapter.dispatch('type_int', 'dbt')()) }}{% endmacro %}
{% macro default__type_int() %}integer{% endmacro %}
{% macro type_bigint() %}{{ return(adapter.dispatch('type_bigint', 'dbt')()) }}{% endmacro %}
{% macro default__type_bigint() %}bigint{% endmacro %}
{% macro type_float() %}{{ return(adapter.dispatch('type_float', 'dbt')()) }}{% endmacro %}
{% macro postgres__type_float() %}float{% endmacro %}
{% macro sqlite__type_float() %}real{% endmacro %}
{% macro type_boolean() %}{{ return(adapter.dispatch('type_boolean', 'dbt')()) }}{% endmacro %}
{% macro default__type_boolean() %}boolean{% endmacro %}
{% macro sqlite__type_boolean() %}integer{% endmacro %}

{% macro concat(fields) %}{{ return(adapter.dispatch('concat', 'dbt')(fields)) }}{% endmacro %}
{% macro default__concat(fields) %}{{ fields | join(' || ') }}{% endmacro %}
{% macro hash(field) %}{{ return(adapter.dispatch('hash', 'dbt')(field)) }}{% endmacro %}
{% macro default__hash(field) %}md5(cast({{ field }} as {{ type_string() }})){% endmacro %}
{% macro current_timestamp() %}{{ return(adapter.dispatch('current_timestamp', 'dbt')()) }}{% endmacro %}
{% macro postgres__current_timestamp() %}now(){% endmacro %}
{% macro sqlite__current_timestamp() %}current_timestamp{% endmacro %}
{% macro split_part(string_text, delimiter_text, part_number) %}{{ return(adapter.dispatch('split_part', 'dbt')(string_text, delimiter_text, part_number)) }}{% endmacro %}
{% macro default__split_part(string_text, delimiter_text, part_number) %}split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }}){% endmacro %}
{% macro any_value(expression) %}{{ return(adapter.dispatch('any_value', 'dbt')(expression)) }}{% endmacro %}
{% macro default__any_value(expression) %}min({{ expression }}){% endmacro %}
{% macro bool_or(expression) %}{{ return(adapter.dispatch('bool_or', 'dbt')(expression)) }}{% endmacro %}
{% macro postgres__bool_or(expression) %}bool_or({{ expression }}){% endmacro %}
{% macro sqlite__bool_or(expression) %}max({{ expression }}){% endmacro %}
{% macro listagg(measure, delimiter_text="','", order_by_clause=none, limit_num=none) %}{{ return(adapter.dispatch('listagg', 'dbt')(measure, delimiter_text, order_by_clause, limit_num)) }}{% endmacro %}
{% macro postgres__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}array_to_string((array_agg({{ measure }}{% if order_by_clause %} {{ order_by_clause }}{% endif %}))[1:{{ limit_num }}], {{ delimiter_text }})
{%- else -%}string_agg({{ measure }}, {{ delimiter_text }}{% if order_by_clause %} {{ order_by_clause }}{% endif %})
{%- endif -%}
{%- endmacro %}
{% macro sqlite__listagg(measure, delimiter_text, order_by_clause, limit_num) %}group_concat({{ measure }}, {{ delimiter_text }}){% endmacro %}
"""#
}
