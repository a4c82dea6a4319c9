{#- Recency, frequency and monetary scores (1 = worst, 5 = best quintile) per customer who kept at
    least one order, measured at the newest order in the data. -#}
with history as (
    select * from {{ ref('int_customer_order_history') }} where kept_order_count > 0
),
measured as (
    select
        customer_id,
        {{ dbt.datediff('last_ordered_at', '(select max(last_ordered_at) from history)', 'day') }} as recency_days,
        kept_order_count as frequency,
        lifetime_value as monetary
    from history
)
select
    customer_id,
    recency_days,
    frequency,
    monetary,
    ntile(5) over (order by recency_days desc, customer_id) as recency_score,
    ntile(5) over (order by frequency, customer_id) as frequency_score,
    ntile(5) over (order by monetary, customer_id) as monetary_score
from measured
