{{ config(materialized='table') }}

{%- set features = [] %}
{%- for kind in ['count', 'sum', 'avg', 'min', 'max'] %}
  {%- for column in ['amount', 'quantity', 'discount', 'tax'] %}
    {%- for window in [1, 7, 30, 90] %}
      {%- do features.append({'kind': kind, 'column': column, 'window': window}) %}
    {%- endfor %}
  {%- endfor %}
{%- endfor %}

select
    customer_id,
    {%- for f in features %}
    {{ f.kind }}(case when ordered_at >= current_date - {{ f.window }} then {{ f.column }} end)
        as {{ f.kind }}_{{ f.column }}_{{ f.window }}d{{ ',' if not loop.last }}
    {%- endfor %}
from {{ ref('order_lines') }}
group by 1
