-- The product dimension (current state).
select product_id, product_name, sku, category, price, updated_at
from {{ ref('stg_products') }}
