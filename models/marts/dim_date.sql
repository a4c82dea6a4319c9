{#- One row per calendar day from the first order to the last. -#}
with {% if target.type == 'sqlite' %}recursive {% endif %}bounds as (
    select min(order_day) as first_day, max(order_day) as last_day from {{ ref('stg_orders') }}
),
{% if target.type == 'postgres' -%}
days as (
    select cast(day as date) as calendar_day
    from bounds, generate_series(bounds.first_day, bounds.last_day, interval '1 day') as day
)
{%- else -%}
days(calendar_day) as (
    select first_day from bounds
    union all
    select date(calendar_day, '+1 day') from days where calendar_day < (select last_day from bounds)
)
{%- endif %}
select
    {{ date_key('calendar_day') }} as date_key,
    calendar_day,
    {{ date_part_int('year', 'calendar_day') }} as year,
    {{ date_part_int('month', 'calendar_day') }} as month,
    {{ date_part_int('day', 'calendar_day') }} as day_of_month,
    {{ date_part_int('dow', 'calendar_day') }} as day_of_week,
    {{ date_part_int('dow', 'calendar_day') }} in (0, 6) as is_weekend
from days
