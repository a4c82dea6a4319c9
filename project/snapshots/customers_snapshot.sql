{% snapshot customers_snapshot %}
{{ config(unique_key='customer_id', strategy='timestamp', updated_at='updated_at', target_schema='snapshots') }}
select * from {{ source('raw', 'customers') }}
{% endsnapshot %}
