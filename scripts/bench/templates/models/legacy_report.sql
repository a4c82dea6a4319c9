{{ config(materialized='table', alias='legacy_report') }}

with
cte_0 as (
    select
        t.id,
        t.customer_id,
        t.amount * 1 as weighted_amount_0,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_0,
        coalesce(t.note, 'n/a') as note_0,
        t.created_at::date as created_date
    from {{ ref('source_table_0') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_1 as (
    select
        t.id,
        t.customer_id,
        t.amount * 2 as weighted_amount_1,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_1,
        coalesce(t.note, 'n/a') as note_1,
        t.created_at::date as created_date
    from {{ ref('source_table_1') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_2 as (
    select
        t.id,
        t.customer_id,
        t.amount * 3 as weighted_amount_2,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_2,
        coalesce(t.note, 'n/a') as note_2,
        t.created_at::date as created_date
    from {{ ref('source_table_2') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_3 as (
    select
        t.id,
        t.customer_id,
        t.amount * 4 as weighted_amount_3,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_3,
        coalesce(t.note, 'n/a') as note_3,
        t.created_at::date as created_date
    from {{ ref('source_table_3') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_4 as (
    select
        t.id,
        t.customer_id,
        t.amount * 5 as weighted_amount_4,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_4,
        coalesce(t.note, 'n/a') as note_4,
        t.created_at::date as created_date
    from {{ ref('source_table_0') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_5 as (
    select
        t.id,
        t.customer_id,
        t.amount * 6 as weighted_amount_5,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_5,
        coalesce(t.note, 'n/a') as note_5,
        t.created_at::date as created_date
    from {{ ref('source_table_1') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_6 as (
    select
        t.id,
        t.customer_id,
        t.amount * 7 as weighted_amount_6,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_6,
        coalesce(t.note, 'n/a') as note_6,
        t.created_at::date as created_date
    from {{ ref('source_table_2') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_7 as (
    select
        t.id,
        t.customer_id,
        t.amount * 8 as weighted_amount_7,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_7,
        coalesce(t.note, 'n/a') as note_7,
        t.created_at::date as created_date
    from {{ ref('source_table_3') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_8 as (
    select
        t.id,
        t.customer_id,
        t.amount * 9 as weighted_amount_8,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_8,
        coalesce(t.note, 'n/a') as note_8,
        t.created_at::date as created_date
    from {{ ref('source_table_0') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_9 as (
    select
        t.id,
        t.customer_id,
        t.amount * 10 as weighted_amount_9,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_9,
        coalesce(t.note, 'n/a') as note_9,
        t.created_at::date as created_date
    from {{ ref('source_table_1') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_10 as (
    select
        t.id,
        t.customer_id,
        t.amount * 11 as weighted_amount_10,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_10,
        coalesce(t.note, 'n/a') as note_10,
        t.created_at::date as created_date
    from {{ ref('source_table_2') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
),
cte_11 as (
    select
        t.id,
        t.customer_id,
        t.amount * 12 as weighted_amount_11,
        case when t.status = 'open' then 1 when t.status = 'closed' then 2 else 0 end as status_code_11,
        coalesce(t.note, 'n/a') as note_11,
        t.created_at::date as created_date
    from {{ ref('source_table_3') }} as t
    where t.created_at >= '{{ var('start_date', '2020-01-01') }}'
      and t.amount > 0
      -- keep only rows from the reporting period
      and t.id is not null
)
select
    sum(cte_0.weighted_amount_0) as total_0,
    sum(cte_1.weighted_amount_1) as total_1,
    sum(cte_2.weighted_amount_2) as total_2,
    sum(cte_3.weighted_amount_3) as total_3,
    sum(cte_4.weighted_amount_4) as total_4,
    sum(cte_5.weighted_amount_5) as total_5,
    sum(cte_6.weighted_amount_6) as total_6,
    sum(cte_7.weighted_amount_7) as total_7,
    sum(cte_8.weighted_amount_8) as total_8,
    sum(cte_9.weighted_amount_9) as total_9,
    sum(cte_10.weighted_amount_10) as total_10,
    sum(cte_11.weighted_amount_11) as total_11,
    count(*) as row_count
from cte_0
left join cte_1 on cte_1.id = cte_0.id
left join cte_2 on cte_2.id = cte_0.id
left join cte_3 on cte_3.id = cte_0.id
left join cte_4 on cte_4.id = cte_0.id
left join cte_5 on cte_5.id = cte_0.id
left join cte_6 on cte_6.id = cte_0.id
left join cte_7 on cte_7.id = cte_0.id
left join cte_8 on cte_8.id = cte_0.id
left join cte_9 on cte_9.id = cte_0.id
left join cte_10 on cte_10.id = cte_0.id
left join cte_11 on cte_11.id = cte_0.id
