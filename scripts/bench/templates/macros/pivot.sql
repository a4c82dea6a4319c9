{% macro pivot(column, values, alias=true, agg='sum', then_value=1, else_value=0, prefix='', suffix='', quote_identifiers=false) -%}
  {%- for value in values %}
  {{ agg }}(
    case
    when {{ column }} = '{{ value }}'
      then {{ then_value }}
    else {{ else_value }}
    end
  )
  {%- if alias %}
    {%- if quote_identifiers %}
    as "{{ prefix ~ value ~ suffix }}"
    {%- else %}
    as {{ (prefix ~ value ~ suffix) | replace(' ', '_') | replace('-', '_') | lower }}
    {%- endif %}
  {%- endif %}
  {%- if not loop.last %},{% endif %}
  {%- endfor %}
{%- endmacro %}
