{#- Date helpers the example needs on both targets (SQLite keeps dates as ISO text: a `cast(x as
    date)` there would turn '2025-03-01' into the number 2025). -#}

{#- The calendar day of a timestamp, as a date. -#}
{% macro to_date(expression) -%}
  {%- if target.type == 'sqlite' -%}date({{ expression }}){%- else -%}cast({{ expression }} as date){%- endif -%}
{%- endmacro %}

{#- An integer part of a date or timestamp: year, month, day, dow (0 = Sunday), doy, week. -#}
{% macro date_part_int(part, expression) -%}
  {%- if target.type == 'sqlite' -%}
    {%- set format = {'year': '%Y', 'month': '%m', 'day': '%d', 'dow': '%w', 'doy': '%j', 'week': '%W'}[part] -%}
    cast(strftime('{{ format }}', {{ expression }}) as integer)
  {%- else -%}
    cast(extract({{ part }} from {{ expression }}) as integer)
  {%- endif -%}
{%- endmacro %}

{#- `yyyymmdd` as an integer key. -#}
{% macro date_key(expression) -%}
  ({{ date_part_int('year', expression) }} * 10000 + {{ date_part_int('month', expression) }} * 100 + {{ date_part_int('day', expression) }})
{%- endmacro %}
