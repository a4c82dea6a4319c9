-- One row per day with orders: order count, revenue (cancelled orders excluded), units and the
-- average order value.
select
    o.order_day,
    o.date_key,
    count(*) as orders,
    sum(case when o.is_cancelled then 0 else 1 end) as kept_orders,
    sum(case when o.is_cancelled then 0 else o.total_amount end) as revenue,
    sum(case when o.is_cancelled then 0 else o.units end) as units,
    round(sum(case when o.is_cancelled then 0 else o.total_amount end)
          / nullif(sum(case when o.is_cancelled then 0 else 1 end), 0), 2) as average_order_value
from {{ ref('fct_orders') }} as o
group by o.order_day, o.date_key
