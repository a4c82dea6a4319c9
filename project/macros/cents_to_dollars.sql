{# Divides by 100.0, not 100: SQLite divides integers as integers. #}
{% macro cents_to_dollars(column_name, scale=2) -%}
    round(cast({{ column_name }} as {{ dbt.type_numeric() }}) / 100.0, {{ scale }})
{%- endmacro %}
