{{ config(materialized='table', tags=['mart', 'finance']) }}

{%- set windows = [7, 30, 90, 365] %}
{%- set metrics = {'revenue': 'amount', 'orders': 'order_id', 'discounts': 'discount_amount'} %}

with orders as (
    select {{ star(ref('orders'), except=['updated_at'], relation_alias='o') }}
    from {{ ref('orders') }} as o
),

customers as (
    select {{ star(ref('customers'), relation_alias='c', prefix='customer_') }}
    from {{ ref('customers') }} as c
),

payments as (
    select order_id, sum(amount) as amount, sum(coalesce(discount, 0)) as discount_amount
    from {{ ref('stg_payments') }}
    group by 1
),

joined as (
    select
        orders.*,
        payments.amount,
        payments.discount_amount
    from orders
    left join payments using (order_id)
),

windowed as (
    select
        customer_id,
        {%- for days in windows %}
        {%- set outer_loop = loop %}
        {%- for name, column in metrics.items() %}
        {%- if name == 'orders' %}
        count(distinct case when order_date >= current_date - {{ days }} then {{ column }} end) as {{ name }}_{{ days }}d
        {%- else %}
        sum(case when order_date >= current_date - {{ days }} then {{ column }} else 0 end) as {{ name }}_{{ days }}d
        {%- endif %}
        {%- if not (outer_loop.last and loop.last) %},{% endif %}
        {%- endfor %}
        {%- endfor %}
    from joined
    group by 1
)

select
    customers.*,
    {%- for days in windows %}
    coalesce(windowed.revenue_{{ days }}d, 0) as revenue_{{ days }}d,
    {{ safe_divide('windowed.revenue_' ~ days ~ 'd', 'windowed.orders_' ~ days ~ 'd', '0') }} as avg_order_value_{{ days }}d,
    {%- endfor %}
    {{ surrogate_key(['customers.customer_customer_id']) }} as customer_key,
    {{ audit_columns() }}
from customers
left join windowed on windowed.customer_id = customers.customer_customer_id
