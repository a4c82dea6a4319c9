{{ config(materialized='table') }}

{%- set day_names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] %}
{%- set month_names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] %}

with spine as (
    {{ date_spine('day', "'2020-01-01'::date", "'2030-12-31'::date") }}
)

select
    date_day,
    extract(year from date_day) as year,
    extract(quarter from date_day) as quarter,
    extract(month from date_day) as month,
    case extract(month from date_day)
    {%- for name in month_names %}
        when {{ loop.index }} then '{{ name }}'
    {%- endfor %}
    end as month_name,
    case extract(isodow from date_day)
    {%- for name in day_names %}
        when {{ loop.index }} then '{{ name }}'
    {%- endfor %}
    end as day_name,
    extract(isodow from date_day) in (6, 7) as is_weekend
from spine
