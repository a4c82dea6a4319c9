-- Monthly retention: of the customers whose first order fell in a month, how many ordered again in a
-- later month.
with firsts as (
    select customer_id, {{ date_part_int('year', 'first_ordered_at') }} * 100 + {{ date_part_int('month', 'first_ordered_at') }} as cohort
    from {{ ref('customer_summary') }}
    where first_ordered_at is not null
),
later as (
    select distinct o.customer_id
    from {{ ref('fct_orders') }} as o
    join firsts as f on f.customer_id = o.customer_id
    where {{ date_part_int('year', 'o.ordered_at') }} * 100 + {{ date_part_int('month', 'o.ordered_at') }} > f.cohort
)
select
    f.cohort,
    count(*) as customers,
    count(l.customer_id) as returned,
    round(100.0 * count(l.customer_id) / count(*), 1) as retention_percent
from firsts as f
left join later as l on l.customer_id = f.customer_id
group by f.cohort
order by f.cohort
