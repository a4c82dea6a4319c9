{% macro generate_series(upper_bound) -%}
  {%- set n = (upper_bound | string | length) * 4 -%}
  with p as (
    select 0 as generated_number union all select 1
  ), unioned as (
    select
    {% for i in range(n) -%}
    p{{ i }}.generated_number * power(2, {{ i }}){{ " +" if not loop.last }}
    {% endfor %}
    + 1 as generated_number
    from
    {% for i in range(n) -%}
    p as p{{ i }}{{ "\n    cross join" if not loop.last }}
    {% endfor %}
  )
  select * from unioned where generated_number <= {{ upper_bound }} order by generated_number
{%- endmacro %}

{% macro date_spine(datepart, start_date, end_date) %}
with rawdata as (
  {{ generate_series(1000) }}
), all_periods as (
  select ({{ start_date }} + (row_number() over (order by 1) - 1) * interval '1 {{ datepart }}') as date_{{ datepart }}
  from rawdata
)
select * from all_periods where date_{{ datepart }} <= {{ end_date }}
{% endmacro %}
