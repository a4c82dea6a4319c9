{#- The product dimension with price history (SCD type 2), as dim_customers. -#}
{{ config(
    materialized='scd2',
    unique_key='product_id',
    strategy='timestamp',
    updated_at='updated_at',
    invalidate_hard_deletes=true
) }}
select product_id, product_name, sku, category, price, updated_at
from {{ ref('stg_products') }}
