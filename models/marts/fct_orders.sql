{{ config(materialized='table') }}
{% set measures = ['order_total', 'item_count'] %}
select
    o.order_id,
    o.customer_id,
    o.status,
    o.ordered_at,
    {% for measure in measures -%}
    coalesce(t.{{ measure }}, 0) as {{ measure }}{% if not loop.last %},{% endif %}
    {% endfor -%}
from {{ ref('stg_orders') }} as o
left join {{ ref('int_order_totals') }} as t on t.order_id = o.order_id
