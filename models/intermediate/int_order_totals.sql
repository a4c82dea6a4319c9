select
    order_id,
    sum(quantity * unit_price) as order_total,
    count(*) as item_count
from {{ ref('stg_order_items') }}
group by order_id
