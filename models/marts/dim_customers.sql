select
    c.customer_id,
    c.first_name,
    c.last_name,
    c.email,
    count(o.order_id) as order_count,
    sum(o.order_total) > {{ var('high_value_threshold') }} as is_high_value
from {{ ref('stg_customers') }} as c
left join {{ ref('fct_orders') }} as o on o.customer_id = c.customer_id
group by c.customer_id, c.first_name, c.last_name, c.email
