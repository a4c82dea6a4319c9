{#- dbt's snapshot time, pinned to the day's execution time (UTC) so that both tools date versions
    alike; dfx takes the same time from --snapshot-time and ignores this macro. -#}
{% macro postgres__snapshot_get_time() -%}
    '{{ var("snapshot_time") }}'::timestamp without time zone
{%- endmacro %}
