select
    cast(order_item_id as integer) as order_item_id,
    cast(order_id as integer) as order_id,
    cast(product_id as integer) as product_id,
    quantity,
    {{ cents_to_dollars('unit_price_cents') }} as unit_price
from {{ source('raw', 'order_items') }}
