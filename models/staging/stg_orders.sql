{{ config(tags=['orders']) }}
select
    cast(order_id as integer) as order_id,
    cast(customer_id as integer) as customer_id,
    lower(status) as status,
    {{ status_flags('lower(status)') }},
    ordered_at,
    updated_at
from {{ source('raw', 'orders') }}
