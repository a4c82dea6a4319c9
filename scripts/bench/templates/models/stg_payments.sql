{{ config(materialized='view') }}

{%- set payment_methods = ['credit_card', 'coupon', 'bank_transfer', 'gift_card'] %}

with payments as (

    select
        id as payment_id,
        orderid as order_id,
        paymentmethod as payment_method,
        status,
        {{ cents_to_dollars('amount') }} as amount,
        created as created_at
    from {{ source('stripe', 'payment') }}

),

final as (

    select
        order_id,
        {% for method in payment_methods -%}
        sum(case when payment_method = '{{ method }}' then amount else 0 end) as {{ method }}_amount,
        {% endfor -%}
        sum(amount) as total_amount,
        {{ safe_divide('sum(case when status = \'fail\' then 1 else 0 end)', 'count(*)') }} as failure_rate
    from payments
    group by 1

)

select * from final
