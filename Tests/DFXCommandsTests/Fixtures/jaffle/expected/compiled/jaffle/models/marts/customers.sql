select
    customers.customer_id,
    count(orders.order_id) as order_count
from "main.stg_customers" as customers
left join "main_marts.orders" as orders on customers.customer_id = orders.customer_id
group by customers.customer_id