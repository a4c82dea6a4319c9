-- Per product: counted stock, movements since, and whether it is out of stock.
select
    p.product_id,
    p.product_name,
    p.category,
    p.stock_quantity as counted_stock,
    coalesce(m.units_in, 0) as units_in,
    coalesce(m.units_out, 0) as units_out,
    coalesce(m.units_adjusted, 0) as units_adjusted,
    p.stock_quantity + coalesce(m.net_change, 0) as projected_stock,
    p.stock_quantity + coalesce(m.net_change, 0) <= 0 as is_stock_out,
    m.last_movement_at
from {{ ref('stg_products') }} as p
left join {{ ref('int_inventory_movements') }} as m on m.product_id = p.product_id
