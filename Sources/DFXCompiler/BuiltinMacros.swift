/// Macros dfx ships, registered under the `dfx` and `dbt` namespaces before the project's own
/// (a project macro of the same name wins, as in dbt).
///
/// The generic tests return the rows that fail, like dbt's: `unique` returns one row per
/// duplicated value (so a failure count counts distinct duplicated values, not rows),
/// `accepted_values` one row per unexpected distinct value, `not_null` and `relationships` one row
/// per failing row.
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
"""#
}
