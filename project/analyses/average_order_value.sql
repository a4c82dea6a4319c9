-- Average order value by month.
select
    d.year,
    d.month,
    round(sum(s.revenue) / nullif(sum(s.kept_orders), 0), 2) as average_order_value
from {{ ref('fct_daily_sales') }} as s
join {{ ref('dim_date') }} as d on d.date_key = s.date_key
group by d.year, d.month
order by d.year, d.month
