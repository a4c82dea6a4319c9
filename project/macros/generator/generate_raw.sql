{#
  The example's data generator: deterministic synthetic e-commerce data in the raw schema, built
  set-based inside the warehouse (one `create table ... as select` per table) on PostgreSQL and SQLite.

      dfx run-operation generate_raw --args '{scale: 0.01}'     # 1,000 customers, 5,000 orders, ...
      dfx run-operation simulate_day                             # one day of changes (see simulate_day.sql)

  Scale 1 is 100,000 customers, 50,000 products, 500,000 orders, ~1,500,000 order items, 200,000
  inventory transactions and 10,000 campaigns. The same scale and `as_of` date always give the same
  rows: every value is a function of the row number (a multiplicative hash), no random(). Timestamps
  lie before `as_of` (default: the day the generator runs); simulated day N happens on as_of + N days.
  A few raw rows are dirty on purpose (padded, upper-case e-mails; customers loaded twice) so that
  staging has cleaning and deduplication to do.
#}

{% macro generate_raw(scale=0.01, as_of=none) %}
  {%- set as_of = as_of or run_started_at.strftime('%Y-%m-%d') -%}
  {%- set counts = gen_counts(scale) -%}
  {%- set raw = source('raw', 'customers') -%}
  {%- if target.type == 'postgres' -%}
    {%- do run_query('create schema if not exists ' ~ adapter.quote(raw.schema)) -%}
  {%- endif -%}
  {%- for table in ['order_items', 'orders', 'inventory_transactions', 'marketing_campaigns', 'products', 'customers', 'generator_state'] -%}
    {%- do run_query('drop table if exists ' ~ source('raw', table)) -%}
  {%- endfor -%}

  {%- call statement('customers') -%}
    create table {{ source('raw', 'customers') }} as
    {{ gen_rows(counts.customers) }}
    select
        n as customer_id,
        case when n % 17 = 0 then '  User' || n || '@Example.COM ' else 'user' || n || '@example.com' end as email,
        {{ gen_pick(gen_hash('n', 1), ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Margaret', 'Niklaus']) }} as first_name,
        {{ gen_pick(gen_hash('n', 2), ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Hamilton', 'Wirth']) }} as last_name,
        {{ gen_pick(gen_hash('n', 3), ['Premium', 'Regular', 'Regular', 'New']) }} as customer_segment,
        {{ gen_pick(gen_hash('n', 4), ['Gold', 'Silver', 'Bronze', 'None', 'None']) }} as loyalty_tier,
        {{ gen_pick(gen_hash('n', 5), ['Lisbon', 'Berlin', 'Paris', 'Madrid', 'Rome', 'Vienna', 'Oslo', 'Dublin']) }} as city,
        {{ gen_pick(gen_hash('n', 5), ['PT', 'DE', 'FR', 'ES', 'IT', 'AT', 'NO', 'IE']) }} as country_code,
        {{ gen_minutes_before(as_of, '(400 * 1440 + ' ~ gen_hash('n', 6) ~ ' % (365 * 1440))') }} as registration_date,
        {{ gen_minutes_before(as_of, gen_age('n', counts.customers, gen_hash('n', 7), '30 * 1440')) }} as updated_at
    from seq
  {%- endcall -%}

  {#- Customers loaded twice by the source's export (exact duplicates): staging keeps one. -#}
  {%- call statement('customer_duplicates') -%}
    insert into {{ source('raw', 'customers') }}
    select * from {{ source('raw', 'customers') }} where customer_id % 50 = 0 and customer_id % 17 <> 0
  {%- endcall -%}

  {%- call statement('products') -%}
    create table {{ source('raw', 'products') }} as
    {{ gen_rows(counts.products) }}
    select
        n as product_id,
        {{ gen_pick(gen_hash('n', 21), ['Classic', 'Smart', 'Eco', 'Pro', 'Mini', 'Ultra']) }} || ' '
            || {{ gen_pick(gen_hash('n', 22), ['Lamp', 'Kettle', 'Backpack', 'Headphones', 'Chair', 'Mug', 'Jacket', 'Watch']) }}
            || ' ' || n as product_name,
        'SKU-' || (1000000 + n) as sku,
        {{ gen_pick(gen_hash('n', 23), ['Home', 'Electronics', 'Outdoor', 'Fashion', 'Kitchen', 'Office']) }} as category,
        {{ gen_money('(500 + ' ~ gen_hash('n', 24) ~ ' % 50000)') }} as price,
        {{ gen_hash('n', 25) }} % 500 as stock_quantity,
        {{ gen_minutes_before(as_of, gen_age('n', counts.products, gen_hash('n', 26), '60 * 1440')) }} as updated_at
    from seq
  {%- endcall -%}

  {%- call statement('campaigns') -%}
    create table {{ source('raw', 'marketing_campaigns') }} as
    {{ gen_rows(counts.campaigns) }}
    select
        n as campaign_id,
        'Campaign ' || n as campaign_name,
        {{ gen_pick(gen_hash('n', 31), ['EMAIL', 'SMS', 'SOCIAL', 'DISPLAY', 'SEARCH']) }} as channel,
        {{ gen_money('(100000 + ' ~ gen_hash('n', 32) ~ ' % 5000000)') }} as budget,
        {{ gen_money('(' ~ gen_hash('n', 33) ~ ' % 40000 - 10000)') }} as roi,
        {{ gen_minutes_before(as_of, '(1440 * (30 + ' ~ gen_hash('n', 34) ~ ' % 365))') }} as start_date,
        {{ gen_minutes_before(as_of, gen_age('n', counts.campaigns, gen_hash('n', 35), '30 * 1440')) }} as updated_at
    from seq
  {%- endcall -%}

  {%- do gen_orders(1, counts.orders, counts, as_of, 0) -%}

  {%- call statement('inventory') -%}
    create table {{ source('raw', 'inventory_transactions') }} as
    {{ gen_rows(counts.inventory) }}
    select
        n as transaction_id,
        1 + {{ gen_hash('n', 51) }} % {{ counts.products }} as product_id,
        {{ gen_pick(gen_hash('n', 52), ['IN', 'OUT', 'OUT', 'OUT', 'ADJUSTMENT']) }} as transaction_type,
        1 + {{ gen_hash('n', 53) }} % 20 as quantity,
        {{ gen_minutes_before(as_of, gen_age('n', counts.inventory, gen_hash('n', 54), '365 * 1440')) }} as transaction_date,
        {{ gen_minutes_before(as_of, gen_age('n', counts.inventory, gen_hash('n', 54), '365 * 1440')) }} as updated_at
    from seq
  {%- endcall -%}

  {#- The keys the source database has indexes on. -#}
  {%- for table, column in [('customers', 'customer_id'), ('products', 'product_id'), ('orders', 'order_id'),
      ('order_items', 'order_id'), ('inventory_transactions', 'product_id'), ('marketing_campaigns', 'campaign_id')] -%}
    {%- do gen_index(table, column) -%}
  {%- endfor -%}

  {%- call statement('state') -%}
    create table {{ source('raw', 'generator_state') }} as
    select '{{ as_of }}' as as_of, {{ scale }} as scale, 0 as last_day, {{ counts.orders }} as last_order_id
  {%- endcall -%}
  {%- do log('generated raw data at scale ' ~ scale ~ ' as of ' ~ as_of ~ ': ' ~ counts.customers ~ ' customers, '
      ~ counts.products ~ ' products, ' ~ counts.orders ~ ' orders', info=true) -%}
{% endmacro %}

{#- Orders first_id..last_id and their items (1 to 5 per order, ~3 on average). `day` 0 is the
    initial load (orders spread over the year before as_of, most delivered); day N creates the
    day's new orders, pending, placed during day N. Items are inserted first so order totals are
    the sum of their items. -#}
{% macro gen_orders(first_id, last_id, counts, as_of, day) %}
  {%- set span = last_id - first_id + 1 -%}
  {%- set create = day == 0 -%}
  {%- call statement('order_items') -%}
    {% if create %}create table {{ source('raw', 'order_items') }} as{% else %}insert into {{ source('raw', 'order_items') }}{% endif %}
    {{ gen_rows(span * 5) }}
    select
        ({{ first_id }} - 1) * 5 + s.n as order_item_id,
        {{ first_id }} + (s.n - 1) / 5 as order_id,
        p.product_id,
        1 + {{ gen_hash('s.n + ' ~ (first_id - 1) * 5, 41) }} % 4 as quantity,
        p.price as unit_price,
        {{ gen_order_time(first_id ~ ' + (s.n - 1) / 5', last_id, as_of, day) }} as updated_at
    from seq as s
    join {{ source('raw', 'products') }} as p
      on p.product_id = 1 + {{ gen_hash('s.n + ' ~ (first_id - 1) * 5, 42) }} % {{ counts.products }}
    where (s.n - 1) % 5 < 1 + {{ gen_hash(first_id ~ ' + (s.n - 1) / 5', 43) }} % 5
  {%- endcall -%}
  {%- call statement('orders') -%}
    {% if create %}create table {{ source('raw', 'orders') }} as{% else %}insert into {{ source('raw', 'orders') }}{% endif %}
    {{ gen_rows(span) }}
    select
        {{ first_id }} + s.n - 1 as order_id,
        1 + {{ gen_hash(first_id ~ ' + s.n - 1', 44) }} % {{ counts.customers }} as customer_id,
        case when {{ gen_hash(first_id ~ ' + s.n - 1', 45) }} % 3 = 0
             then 1 + {{ gen_hash(first_id ~ ' + s.n - 1', 46) }} % {{ counts.campaigns }} end as campaign_id,
        {{ gen_order_time(first_id ~ ' + s.n - 1', last_id, as_of, day) }} as order_date,
        {% if create -%}
        {{ gen_pick(gen_hash(first_id ~ ' + s.n - 1', 47), ['Delivered', 'Delivered', 'Delivered', 'Delivered', 'Shipped', 'Processing', 'Pending', 'Cancelled']) }}
        {%- else -%}'Pending'{%- endif %} as order_status,
        coalesce(t.total_amount, 0) as total_amount,
        {{ gen_order_time(first_id ~ ' + s.n - 1', last_id, as_of, day) }} as updated_at
    from seq as s
    left join (
        select order_id, sum(quantity * unit_price) as total_amount
        from {{ source('raw', 'order_items') }}
        where order_id between {{ first_id }} and {{ last_id }}
        group by order_id
    ) as t on t.order_id = {{ first_id }} + s.n - 1
  {%- endcall -%}
{% endmacro %}

{#- When order `id_expr` (of orders up to `last_id`) was placed: within the year before as_of (day 0),
    or during day N. -#}
{% macro gen_order_time(id_expr, last_id, as_of, day) -%}
  {%- if day == 0 -%}
    {{ gen_minutes_before(as_of, gen_age(id_expr, last_id, gen_hash(id_expr, 48), '365 * 1440')) }}
  {%- else -%}
    {{ gen_minutes_before(as_of, '(' ~ gen_hash(id_expr, 48) ~ ' % 1440 - ' ~ day * 1440 ~ ')') }}
  {%- endif -%}
{%- endmacro %}

{#- How many minutes before as_of row `n` of `count` last changed, from the pseudo-random `hashed`:
    spread over `range` minutes from a day before as_of, except the newest row (n = count), which
    changed during the day before as_of. Every table is then fresh (its newest row under two days
    old) at any scale and any time of the as_of day: with a few rows over a year, the newest of a
    random spread could be days old. -#}
{% macro gen_age(n, count, hashed, range) -%}
  (case when {{ n }} = {{ count }} then {{ hashed }} % 1440 else 1440 + {{ hashed }} % ({{ range }}) end)
{%- endmacro %}

{#- An index on raw.<table>(<column>), named after both (SQLite index names share the file's namespace). -#}
{% macro gen_index(table, column) -%}
  {%- set relation = source('raw', table) -%}
  {%- set name = relation.schema ~ '_' ~ table ~ '_' ~ column ~ '_idx' -%}
  {%- do run_query('create index ' ~ adapter.quote(name) ~ ' on ' ~ relation ~ ' (' ~ column ~ ')') -%}
{%- endmacro %}

{#- Row counts for a scale factor (at least one of each). -#}
{% macro gen_counts(scale) -%}
  {%- set counts = {} -%}
  {%- for name, base in [('customers', 100000), ('products', 50000), ('orders', 500000), ('inventory', 200000), ('campaigns', 10000)] -%}
    {%- do counts.update({name: [1, (base * scale) | round | int] | max}) -%}
  {%- endfor -%}
  {{ return(counts) }}
{%- endmacro %}

{#- A CTE `seq(n)` of the integers 1..count, to select rows from. -#}
{% macro gen_rows(count) -%}
  {%- if target.type == 'postgres' -%}
    with seq(n) as (select generate_series(1, {{ count }}))
  {%- else -%}
    with recursive seq(n) as (select 1 union all select n + 1 from seq where n < {{ count }})
  {%- endif -%}
{%- endmacro %}

{#- A deterministic pseudo-random integer in [0, 1000003) from an integer expression and a salt. -#}
{% macro gen_hash(expression, salt) -%}
  ((({{ expression }}) * 2654435761 + {{ salt }} * 97531) % 1000003)
{%- endmacro %}

{#- One of `values`, chosen by the integer `hashed`. -#}
{% macro gen_pick(hashed, values) -%}
  case {{ hashed }} % {{ values | length }}{% for value in values %} when {{ loop.index0 }} then '{{ value }}'{% endfor %} end
{%- endmacro %}

{#- The timestamp `minutes` (an integer expression) before midnight of `as_of`, as
    `YYYY-MM-DD HH:MM:SS` on SQLite and `timestamp` on PostgreSQL. -#}
{% macro gen_minutes_before(as_of, minutes) -%}
  {%- if target.type == 'postgres' -%}
    (timestamp '{{ as_of }}' - ({{ minutes }}) * interval '1 minute')
  {%- else -%}
    datetime('{{ as_of }}', printf('%+d minutes', -({{ minutes }})))
  {%- endif -%}
{%- endmacro %}

{#- An amount in cents (integer expression) as a two-decimal amount. -#}
{% macro gen_money(cents) -%}
  {%- if target.type == 'postgres' -%}
    cast(({{ cents }}) / 100.0 as numeric(12, 2))
  {%- else -%}
    round(({{ cents }}) / 100.0, 2)
  {%- endif -%}
{%- endmacro %}
