{{ config(materialized='table', tags=['finance']) }}
with orders as (
    select * from {{ ref('stg_orders') }}
)
select
    orders.order_id,
    orders.customer_id,
    payments.credit_card_amount
from orders
left join {{ ref('int_order_payments') }} as payments on orders.order_id = payments.order_id
