select
    customers.customer_id,
    count(orders.order_id) as order_count
from {{ ref('stg_customers') }} as customers
left join {{ ref('orders') }} as orders on customers.customer_id = orders.customer_id
group by customers.customer_id
