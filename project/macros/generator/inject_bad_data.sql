{#
  Breaks the raw data on purpose, to show what a failing `dfx test` / `dfx build` looks like in CI:

      dfx run-operation inject_bad_data && dfx build     # exits 1: the tests below fail

  It adds an order with a status the pipeline does not know ('Lost': accepted_values on
  stg_orders.status and fct_orders.status fail) and loads one order line twice (unique on
  stg_order_items.order_item_id fails). `dfx run-operation generate_raw` restores clean data.
#}
{% macro inject_bad_data() %}
  {%- call statement('bad_order') -%}
    insert into {{ source('raw', 'orders') }} (order_id, customer_id, campaign_id, order_date, order_status, total_amount, updated_at)
    select max(order_id) + 1, 1, null, max(order_date), 'Lost', 0, max(updated_at) from {{ source('raw', 'orders') }}
  {%- endcall -%}
  {%- call statement('duplicate_line') -%}
    insert into {{ source('raw', 'order_items') }}
    select * from {{ source('raw', 'order_items') }} where order_item_id = (select min(order_item_id) from {{ source('raw', 'order_items') }})
  {%- endcall -%}
  {%- do log('injected an order with status Lost and a duplicated order line', info=true) -%}
{% endmacro %}
