-- Fails for every order whose total is negative.
select order_id, order_total
from {{ ref('fct_orders') }}
where order_total < 0
