{% macro cents_to_dollars(column_name, scale=2) -%}
    ({{ column_name }} / 100)::numeric(16, {{ scale }})
{%- endmacro %}

{% macro safe_divide(numerator, denominator, default_value='null') -%}
    case when coalesce({{ denominator }}, 0) = 0 then {{ default_value }} else {{ numerator }}::numeric / {{ denominator }} end
{%- endmacro %}
