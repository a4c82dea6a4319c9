{% snapshot s_valid_to_current %}
{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate',
          dbt_valid_to_current="'9999-12-31'::timestamp",
          snapshot_meta_column_names={'dbt_valid_from': 'start_at', 'dbt_valid_to': 'end_at', 'dbt_scd_id': 'version_id', 'dbt_updated_at': 'seen_at'}) }}
select * from {{ source('raw', 'customers') }}
{% endsnapshot %}
