select
    transaction_id,
    product_id,
    lower(transaction_type) as transaction_type,
    cast(quantity as integer) as quantity,
    -- Signed: stock goes up with IN, down with OUT; adjustments are corrections downwards (shrinkage).
    case upper(transaction_type) when 'IN' then quantity else -quantity end as stock_change,
    {{ dbt.cast('transaction_date', dbt.type_timestamp()) }} as transacted_at,
    {{ dbt.cast('updated_at', dbt.type_timestamp()) }} as updated_at
from {{ source('raw', 'inventory_transactions') }}
