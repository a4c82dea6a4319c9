{{ config(materialized='view', tags=['staging', 'orders']) }}

{%- set renames = {
    'id': 'order_id',
    'user_id': 'customer_id',
    'order_date': 'ordered_at',
    'status': 'order_status',
    '_etl_loaded_at': 'loaded_at',
} %}

{%- set passthrough = ['store_id', 'channel', 'currency', 'discount_code', 'shipping_method', 'region'] %}

with source as (

    select * from {{ source('jaffle_shop', 'orders') }}

),

renamed as (

    select
        {%- for src, dst in renames.items() %}
        {{ src }} as {{ dst }},
        {%- endfor %}
        {%- for col in passthrough %}
        {{ col }},
        {%- endfor %}
        {{ cents_to_dollars('amount_cents') }} as amount,
        {{ cents_to_dollars('tax_cents', 4) }} as tax,
        {{ surrogate_key(['id', 'user_id']) }} as order_key,
        lower(trim(status)) in ('completed', 'shipped') as is_fulfilled

    from source
    where id is not null

)

select * from renamed
{{ limit_in_dev(500) }}
