{% macro surrogate_key(field_list) -%}
    {%- set fields = [] -%}
    {%- for field in field_list -%}
        {%- do fields.append("coalesce(cast(" ~ field ~ " as " ~ type_string() ~ "), '_dbt_null_')") -%}
        {%- if not loop.last %}{% do fields.append("'-'") %}{% endif -%}
    {%- endfor -%}
    md5({{ fields | join(' || ') }})
{%- endmacro %}

{% macro type_string() -%}
    {{ return(adapter_types().get('string', 'text')) }}
{%- endmacro %}

{% macro adapter_types() %}
    {{ return({'string': 'text', 'timestamp': 'timestamp', 'int': 'bigint', 'numeric': 'numeric'}) }}
{% endmacro %}
