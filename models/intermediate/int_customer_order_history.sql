-- Per customer: when they first and last ordered, how often, and what they spent (cancelled
-- orders excluded from the spend).
select
    customer_id,
    min(ordered_at) as first_ordered_at,
    max(ordered_at) as last_ordered_at,
    count(*) as order_count,
    sum(case when status = 'cancelled' then 0 else 1 end) as kept_order_count,
    sum(case when status = 'cancelled' then 0 else total_amount end) as lifetime_value
from {{ ref('stg_orders') }}
group by customer_id
