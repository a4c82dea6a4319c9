{% snapshot s_check %}
{{ config(unique_key='id', strategy='check', check_cols=['name', 'tier'], invalidate_hard_deletes=true) }}
select id, name, tier from {{ source('raw', 'customers') }}
{% endsnapshot %}
