{{ config(tags=['orders']) }}
select
    order_id,
    customer_id,
    campaign_id,
    {{ dbt.cast('order_date', dbt.type_timestamp()) }} as ordered_at,
    {{ to_date('order_date') }} as order_day,
    lower(order_status) as status,
    {{ status_flags('lower(order_status)') }},
    {{ dbt.cast('total_amount', 'numeric(12, 2)') }} as total_amount,
    {{ dbt.cast('updated_at', dbt.type_timestamp()) }} as updated_at
from {{ source('raw', 'orders') }}
