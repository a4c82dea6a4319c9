select orders.order_id
from {{ ref('orders') }} as orders
where orders.customer_id is null
