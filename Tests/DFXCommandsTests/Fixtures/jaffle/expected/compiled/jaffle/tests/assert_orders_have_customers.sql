select orders.order_id
from "main_marts.orders" as orders
where orders.customer_id is null