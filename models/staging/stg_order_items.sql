{{ config(tags=['orders']) }}
select
    order_item_id,
    order_id,
    product_id,
    cast(quantity as integer) as quantity,
    {{ dbt.cast('unit_price', 'numeric(12, 2)') }} as unit_price,
    {{ dbt.cast('quantity * unit_price', 'numeric(12, 2)') }} as line_amount,
    {{ dbt.cast('updated_at', dbt.type_timestamp()) }} as updated_at
from {{ source('raw', 'order_items') }}
