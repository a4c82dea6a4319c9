{% macro star(from, except=[], relation_alias=none, prefix='', suffix='') -%}
  {%- set cols = columns_of(from) -%}
  {%- for col in cols if col not in except -%}
    {%- if relation_alias %}{{ relation_alias }}.{% endif %}{{ col }}{% if prefix or suffix %} as {{ prefix ~ col ~ suffix }}{% endif %}
    {%- if not loop.last %},
    {% endif -%}
  {%- endfor -%}
{%- endmacro %}

{% macro columns_of(relation) -%}
  {%- set known = {
      'orders': ['order_id', 'customer_id', 'order_date', 'status', 'amount_cents', 'updated_at'],
      'customers': ['customer_id', 'first_name', 'last_name', 'email', 'created_at'],
      'payments': ['payment_id', 'order_id', 'payment_method', 'amount', 'created_at'],
  } -%}
  {{ return(known.get(relation.split('.')[-1].strip('"'), ['id'])) }}
{%- endmacro %}

{% macro limit_in_dev(n=100) -%}
  {%- if target.name == 'dev' %}
  limit {{ n }}
  {%- endif %}
{%- endmacro %}

{% macro audit_columns() -%}
    current_timestamp as _loaded_at,
    '{{ invocation_id }}' as _invocation_id,
    '{{ target.name }}' as _target
{%- endmacro %}
