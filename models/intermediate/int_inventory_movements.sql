-- Per product: stock moved in, out and adjusted, and the net change.
select
    product_id,
    sum(case when transaction_type = 'in' then quantity else 0 end) as units_in,
    sum(case when transaction_type = 'out' then quantity else 0 end) as units_out,
    sum(case when transaction_type = 'adjustment' then quantity else 0 end) as units_adjusted,
    sum(stock_change) as net_change,
    max(transacted_at) as last_movement_at
from {{ ref('stg_inventory_transactions') }}
group by product_id
