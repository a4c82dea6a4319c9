{#- The customers' history as a dbt snapshot (the raw export can hold a customer twice, so the
    snapshot reads the deduplicated staging view: a duplicate key would fail it, writing nothing). -#}
{% snapshot customers_snapshot %}
{{ config(unique_key='customer_id', strategy='timestamp', updated_at='updated_at', schema='snapshots', hard_deletes='invalidate') }}
select * from {{ ref('stg_customers') }}
{% endsnapshot %}
