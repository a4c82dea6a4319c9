{% snapshot orders_snapshot %}
{{ config(unique_key='order_id', strategy='timestamp', updated_at='order_date', target_schema='snapshots') }}
select * from {{ ref('stg_orders') }}
{% endsnapshot %}
