select
    product_id,
    trim(product_name) as product_name,
    upper(trim(sku)) as sku,
    lower(category) as category,
    {{ dbt.cast('price', 'numeric(12, 2)') }} as price,
    cast(stock_quantity as integer) as stock_quantity,
    {{ dbt.cast('updated_at', dbt.type_timestamp()) }} as updated_at
from {{ source('raw', 'products') }}
