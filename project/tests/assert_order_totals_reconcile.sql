-- Order totals reconcile between staging and the marts: every order's total equals the sum of its
-- items, and the fact table carries the same total as staging. Returns the orders that do not.
select
    s.order_id,
    s.total_amount as staging_total,
    f.total_amount as fact_total,
    f.items_amount
from {{ ref('stg_orders') }} as s
join {{ ref('fct_orders') }} as f on f.order_id = s.order_id
where abs(s.total_amount - f.total_amount) > 0.005
   or abs(f.total_amount - f.items_amount) > 0.005
