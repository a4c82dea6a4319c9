-- The twenty products with the most revenue from kept orders.
select
    p.product_id,
    p.product_name,
    p.category,
    sum(i.quantity) as units,
    sum(i.line_amount) as revenue
from {{ ref('fct_order_items') }} as i
join {{ ref('dim_products') }} as p on p.product_id = i.product_id and p.valid_to is null
where i.status <> 'cancelled'
group by p.product_id, p.product_name, p.category
order by revenue desc
limit 20
