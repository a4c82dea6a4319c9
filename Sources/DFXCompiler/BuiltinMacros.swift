/// Macros dfx ships, registered under the `dfx` and `dbt` namespaces before the project's own
/// (a project macro of the same name wins, as in dbt).
///
/// The generic tests return the rows that fail, like dbt's: `unique` returns one row per
/// duplicated value (so a failure count counts distinct duplicated values, not rows),
/// `accepted_values` one row per unexpected distinct value, `not_null` and `relationships` one row
/// per failing row.
///
/// The checks the seed systems wrote by hand follow dbt_utils' definitions:
/// `unique_combination_of_columns` returns one row per duplicated combination,
/// `expression_is_true` and `accepted_range` one row per failing row, `not_empty` one row when the
/// relation has none, `not_null_proportion` one row (the proportion) when it is out of bounds.
/// `row_count_drift` returns one row when the relation's row count moved more than
/// `max_change_percent` from `previous_row_count`, which the runner reads from the run audit log.
/// They run on PostgreSQL and SQLite alike (proportions are computed as `* 1.0 /`, never integer
/// division).
enum BuiltinMacros {
    static let path = "<dfx builtin macros>"

    static let source = #"""
{% test unique(model, column_name) %}
select {{ column_name }} as unique_field, count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{% endtest %}

{% test not_null(model, column_name) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is null
{% endtest %}

{% test accepted_values(model, column_name, values, quote=true) %}
with observed as (
    select {{ column_name }} as value_field, count(*) as n_records
    from {{ model }}
    group by {{ column_name }}
)
select value_field, n_records
from observed
where value_field not in (
    {%- for value in values -%}
    {%- if quote %}'{{ value | string | replace("'", "''") }}'{% else %}{{ value }}{% endif -%}
    {%- if not loop.last %}, {% endif -%}
    {%- endfor -%}
)
{% endtest %}

{% macro statement(name=None, fetch_result=False, auto_begin=True, language='sql') -%}
{%- if execute -%}
{%- do __dfx_statement(name, caller(), fetch_result) -%}
{%- endif -%}
{%- endmacro %}

{% macro run_query(sql) -%}
{%- call statement('run_query_statement', fetch_result=True, auto_begin=False) -%}{{ sql }}{%- endcall -%}
{%- do return(load_result('run_query_statement').table) -%}
{%- endmacro %}

{% test relationships(model, column_name, to, field) %}
with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
),
parent as (
    select {{ field }} as to_field
    from {{ to }}
)
select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
{% endtest %}

{% test unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
{%- set columns = [] -%}
{%- for column in combination_of_columns -%}
{%- do columns.append(adapter.quote(column) if quote_columns else column) -%}
{%- endfor %}
select {{ columns | join(', ') }}, count(*) as n_records
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}

{% test expression_is_true(model, expression, column_name=none) %}
select *
from {{ model }}
where not ({{ column_name ~ ' ' if column_name is not none else '' }}{{ expression }})
{% endtest %}

{% test not_empty(model) %}
select count(*) as n_records
from {{ model }}
having count(*) = 0
{% endtest %}

{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}
select *
from {{ model }}
where 1 = 2
{%- if min_value is not none %}
    or not ({{ column_name }} >{{ '=' if inclusive }} {{ min_value }})
{%- endif %}
{%- if max_value is not none %}
    or not ({{ column_name }} <{{ '=' if inclusive }} {{ max_value }})
{%- endif %}
{% endtest %}

{% test row_count_drift(model, max_change_percent, previous_row_count=none) %}
{%- if previous_row_count is none %}
{#- No earlier count: dfx run passes the last successful one from the run audit log. #}
select row_count from (select count(*) as row_count from {{ model }}) dfx_counts where 1 = 0
{%- else %}
select row_count, {{ previous_row_count }} as previous_row_count
from (select count(*) as row_count from {{ model }}) dfx_counts
where abs(row_count - {{ previous_row_count }}) * 100.0 > {{ max_change_percent }} * {{ previous_row_count }}
{%- endif %}
{% endtest %}

{% test not_null_proportion(model, column_name, at_least, at_most=1.0) %}
with validation as (
    select sum(case when {{ column_name }} is null then 0 else 1 end) * 1.0 / nullif(count(*), 0) as not_null_proportion
    from {{ model }}
)
select not_null_proportion
from validation
where not_null_proportion < {{ at_least }} or not_null_proportion > {{ at_most }}
{% endtest %}
"""#
}
