select customer_id, order_count from {{ ref('customers') }}
