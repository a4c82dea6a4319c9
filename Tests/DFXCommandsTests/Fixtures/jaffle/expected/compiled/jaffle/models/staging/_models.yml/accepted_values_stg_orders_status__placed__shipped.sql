
with observed as (
    select status as value_field, count(*) as n_records
    from "main.stg_orders"
    group by status
)
select value_field, n_records
from observed
where value_field not in ('placed', 'shipped')
