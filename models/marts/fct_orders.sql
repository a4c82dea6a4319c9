{#- One row per order, merged incrementally on order_id: each run reads only the orders whose
    updated_at is past the newest one already loaded (new orders and status changes). -#}
{{ config(materialized='incremental', unique_key='order_id', incremental_strategy='merge', on_schema_change='append_new_columns') }}
{% set measures = ['item_count', 'units', 'items_amount'] %}
select
    o.order_id,
    o.customer_id,
    o.campaign_id,
    o.ordered_at,
    o.order_day,
    {{ date_key('o.ordered_at') }} as date_key,
    o.status,
    o.is_cancelled,
    o.total_amount,
    {% for measure in measures -%}
    coalesce(t.{{ measure }}, 0) as {{ measure }},
    {% endfor -%}
    o.total_amount > {{ var('high_value_threshold') }} as is_high_value,
    o.updated_at
from {{ ref('stg_orders') }} as o
left join {{ ref('int_order_totals') }} as t on t.order_id = o.order_id
{% if is_incremental() %}
where o.updated_at > (select max(updated_at) from {{ this }})
{% endif %}
