-- One row per current customer: the current dimension version with order history.
select
    c.customer_id,
    c.email,
    c.first_name,
    c.last_name,
    c.customer_segment,
    c.loyalty_tier,
    c.city,
    c.country_code,
    c.registered_at,
    coalesce(h.order_count, 0) as order_count,
    coalesce(h.lifetime_value, 0) as lifetime_value,
    coalesce(h.lifetime_value, 0) > {{ var('high_value_threshold') }} as is_high_value,
    h.first_ordered_at,
    h.last_ordered_at
from {{ ref('dim_customers') }} as c
left join {{ ref('int_customer_order_history') }} as h on h.customer_id = c.customer_id
where c.valid_to is null
