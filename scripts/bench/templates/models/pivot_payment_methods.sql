{{ config(materialized='table') }}

{%- set methods = [
    'credit_card', 'debit_card', 'coupon', 'bank_transfer', 'gift_card', 'paypal', 'apple_pay', 'google_pay',
    'klarna', 'afterpay', 'sofort', 'ideal', 'bancontact', 'giropay', 'eps', 'p24', 'alipay', 'wechat_pay',
    'boleto', 'oxxo', 'sepa_debit', 'ach_debit', 'bacs_debit', 'becs_debit', 'fpx', 'grabpay', 'konbini',
    'paynow', 'promptpay', 'cash_app'
] %}

select
    date_trunc('month', created_at) as month,
    {{ pivot('payment_method', methods, agg='sum', then_value='amount', prefix='amount_') }},
    {{ pivot('payment_method', methods, agg='count', then_value='payment_id', else_value='null', prefix='n_', suffix='_payments') }}
from {{ ref('stg_payments') }}
group by 1
order by 1
