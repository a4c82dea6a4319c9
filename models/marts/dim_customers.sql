{#- The customer dimension with full history (SCD type 2): a new version whenever a customer's row
    changes (loyalty tier, city, ...), valid from its updated_at; valid_to is exclusive and NULL
    marks the current version. A customer deleted at the source gets its current version closed.
    The first load starts every customer at 1970-01-01 so that facts older than the first run join. -#}
{{ config(
    materialized='scd2',
    unique_key='customer_id',
    strategy='timestamp',
    updated_at='updated_at',
    invalidate_hard_deletes=true
) }}
select
    customer_id,
    email,
    first_name,
    last_name,
    customer_segment,
    loyalty_tier,
    city,
    country_code,
    registered_at,
    updated_at
from {{ ref('stg_customers') }}
