{% snapshot customers_snapshot %}
{{ config(unique_key='customer_id', strategy='timestamp', updated_at='updated_at', schema='snapshots', hard_deletes='invalidate') }}
select * from {{ source('raw', 'customers') }}
{% endsnapshot %}
