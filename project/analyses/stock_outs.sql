-- Products out of stock, by category.
select category, count(*) as products_out_of_stock
from {{ ref('agg_inventory_status') }}
where is_stock_out
group by category
order by products_out_of_stock desc
