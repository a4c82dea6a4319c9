{# One boolean column per order status, from the project's list of statuses. #}
{% macro status_flags(column_name) -%}
    {%- for status in var('order_statuses') %}
    {{ column_name }} = '{{ status }}' as is_{{ status }}{% if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}
