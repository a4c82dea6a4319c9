-- Revenue by day and by month (cancelled orders excluded).
select
    d.year,
    d.month,
    s.order_day,
    s.revenue,
    sum(s.revenue) over (partition by d.year, d.month) as month_revenue
from {{ ref('fct_daily_sales') }} as s
join {{ ref('dim_date') }} as d on d.date_key = s.date_key
order by s.order_day
