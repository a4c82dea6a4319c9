-- Per order: lines, units and the amount of its items.
select
    order_id,
    count(*) as item_count,
    sum(quantity) as units,
    sum(line_amount) as items_amount
from {{ ref('stg_order_items') }}
group by order_id
