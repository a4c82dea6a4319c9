{#- One row per order line, joined point-in-time to the SCD2 dimensions: the customer's loyalty tier
    and the product's list price as they were when the order was placed (the dimension version whose
    [valid_from, valid_to) holds ordered_at). -#}
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
    i.line_amount,
    c.loyalty_tier as loyalty_tier_at_order,
    p.price as list_price_at_order
from {{ ref('stg_order_items') }} as i
join {{ ref('stg_orders') }} as o on o.order_id = i.order_id
left join {{ ref('dim_customers') }} as c
  on c.customer_id = o.customer_id
 and o.ordered_at >= c.valid_from and (o.ordered_at < c.valid_to or c.valid_to is null)
left join {{ ref('dim_products') }} as p
  on p.product_id = i.product_id
 and o.ordered_at >= p.valid_from and (o.ordered_at < p.valid_to or p.valid_to is null)
