select date_trunc('month', ordered_at) as month, sum(order_total) as revenue
from {{ ref('fct_orders') }}
group by 1
order by 1
