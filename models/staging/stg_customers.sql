{#- One row per customer: the export's duplicates removed (latest row wins), text trimmed, e-mail
    lower-cased, tier and segment lower-cased. -#}
with ranked as (
    select
        *,
        row_number() over (partition by customer_id order by updated_at desc) as row_rank
    from {{ source('raw', 'customers') }}
)
select
    customer_id,
    lower(trim(email)) as email,
    trim(first_name) as first_name,
    trim(last_name) as last_name,
    lower(customer_segment) as customer_segment,
    lower(loyalty_tier) as loyalty_tier,
    trim(city) as city,
    upper(country_code) as country_code,
    {{ dbt.cast('registration_date', dbt.type_timestamp()) }} as registered_at,
    {{ dbt.cast('updated_at', dbt.type_timestamp()) }} as updated_at
from ranked
where row_rank = 1
