-- One row per order line, with the order's day and status.
select
    i.order_item_id,
    i.order_id,
    i.product_id,
    o.customer_id,
    o.order_day,
    {{ date_key('o.ordered_at') }} as date_key,
    o.status,
    i.quantity,
    i.unit_price,
    i.line_amount
from {{ ref('stg_order_items') }} as i
join {{ ref('stg_orders') }} as o on o.order_id = i.order_id
