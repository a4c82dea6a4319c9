{#
  One simulated day of changes to the raw tables, after `generate_raw`:

      dfx run-operation simulate_day

  Day N (the generator remembers the last one in raw.generator_state) happens on as_of + N days:
    - new orders: 1% of the initial order count, placed that day, Pending, with their items;
    - order status moves: about a third of open orders advance (Pending → Processing → Shipped →
      Delivered) and one in fifty Pending orders is Cancelled;
    - customers: 1% change loyalty tier and city (SCD2 history for dim_customers);
    - products: 1% change price (SCD2 history for dim_products);
    - deletions: a few customers who never ordered are deleted (hard deletes).
  Every changed row gets updated_at on that day, which is what incremental models and snapshots
  watch. Deterministic: the same day number always makes the same changes.
#}

{% macro simulate_day() %}
  {%- set state = run_query('select as_of, scale, last_day, last_order_id from ' ~ source('raw', 'generator_state')) -%}
  {%- if state | length == 0 -%}
    {{ exceptions.raise_compiler_error('no generator state: run `dfx run-operation generate_raw` first') }}
  {%- endif -%}
  {%- set as_of = state[0][0] | string -%}
  {%- set as_of = as_of[:10] -%}
  {%- set scale = state[0][1] -%}
  {%- set day = (state[0][2] | int) + 1 -%}
  {%- set first_id = (state[0][3] | int) + 1 -%}
  {%- set counts = gen_counts(scale) -%}
  {%- set new_orders = [1, (counts.orders * 0.01) | round | int] | max -%}
  {%- set now = gen_minutes_before(as_of, '(-' ~ day * 1440 ~ ' + 60)') -%}

  {%- do gen_orders(first_id, first_id + new_orders - 1, counts, as_of, day) -%}

  {%- call statement('advance_orders') -%}
    update {{ source('raw', 'orders') }}
    set order_status = case order_status
            when 'Pending' then case when {{ gen_hash('order_id + ' ~ day, 61) }} % 50 = 0 then 'Cancelled' else 'Processing' end
            when 'Processing' then 'Shipped'
            when 'Shipped' then 'Delivered'
        end,
        updated_at = {{ now }}
    where order_status in ('Pending', 'Processing', 'Shipped')
      and order_id < {{ first_id }}
      and {{ gen_hash('order_id + ' ~ day, 62) }} % 3 = 0
  {%- endcall -%}

  {%- call statement('customer_changes') -%}
    update {{ source('raw', 'customers') }}
    set loyalty_tier = case loyalty_tier when 'None' then 'Bronze' when 'Bronze' then 'Silver' when 'Silver' then 'Gold' else 'Silver' end,
        city = {{ gen_pick(gen_hash('customer_id + ' ~ day, 63), ['Porto', 'Hamburg', 'Lyon', 'Seville', 'Milan', 'Graz', 'Bergen', 'Cork']) }},
        updated_at = {{ now }}
    where {{ gen_hash('customer_id + ' ~ day * 7, 64) }} % 100 = 0
  {%- endcall -%}

  {%- call statement('price_changes') -%}
    update {{ source('raw', 'products') }}
    set price = {{ gen_money('price * 105') }},
        updated_at = {{ now }}
    where {{ gen_hash('product_id + ' ~ day * 11, 65) }} % 100 = 0
  {%- endcall -%}

  {%- call statement('deletions') -%}
    delete from {{ source('raw', 'customers') }} as c
    where {{ gen_hash('c.customer_id + ' ~ day * 13, 66) }} % 10 = 0
      and not exists (select 1 from {{ source('raw', 'orders') }} as o where o.customer_id = c.customer_id)
  {%- endcall -%}

  {%- call statement('state') -%}
    update {{ source('raw', 'generator_state') }}
    set last_day = {{ day }}, last_order_id = {{ first_id + new_orders - 1 }}
  {%- endcall -%}
  {%- do log('simulated day ' ~ day ~ ': ' ~ new_orders ~ ' new orders, status moves, customer and price changes', info=true) -%}
{% endmacro %}
