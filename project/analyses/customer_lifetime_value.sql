-- Customer lifetime value by segment and loyalty tier.
select
    customer_segment,
    loyalty_tier,
    count(*) as customers,
    round(avg(lifetime_value), 2) as average_lifetime_value,
    sum(lifetime_value) as total_lifetime_value
from {{ ref('customer_summary') }}
group by customer_segment, loyalty_tier
order by total_lifetime_value desc
