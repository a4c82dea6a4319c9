{#- Printed by the on-run-end hook: what the run built and where to look at it. Renders no SQL. -#}
{% macro example_summary(results) -%}
  {%- if flags.WHICH in ['run', 'build'] -%}
    {%- set built = results | selectattr('status', 'equalto', 'success') | list | length -%}
    {%- if target.type == 'sqlite' -%}
      {%- do log('Built ' ~ built ~ ' relations into ' ~ target.database ~ '. Look at it: sqlite3 ' ~ target.database
          ~ ' \'select * from "' ~ target.schema ~ '_marts.fct_daily_sales" order by order_day desc limit 5\''
          ~ '; artifacts in target/ (run_results.json, compiled/), run history in "dfx_meta.dfx_node_runs".', info=true) -%}
    {%- else -%}
      {%- do log('Built ' ~ built ~ ' relations into schemas ' ~ target.schema ~ '_staging and ' ~ target.schema ~ '_marts. Look at it: psql -c '
          ~ '"select * from ' ~ target.schema ~ '_marts.fct_daily_sales order by order_day desc limit 5"'
          ~ '; artifacts in target/, run history in dfx_meta.dfx_node_runs.', info=true) -%}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}
