{{ config(materialized='view', meta={'owner': 'growth', 'pii': true}) }}

{%- set pii_columns = ['email', 'phone', 'first_name', 'last_name', 'street', 'postal_code'] %}
{%- set text_columns = {'country': 'upper', 'city': 'initcap', 'segment': 'lower', 'source': 'lower'} %}
{%- set ns = namespace(hashed=[]) %}
{%- for col in pii_columns %}
  {%- set ns.hashed = ns.hashed + ['md5(lower(trim(' ~ col ~ '))) as ' ~ col ~ '_hash'] %}
{%- endfor %}

-- owner: {{ {'owner': 'growth', 'columns': pii_columns | length} | tojson }}
with source as (
    select * from {{ source('crm', 'customers') }}
),

cleaned as (
    select
        id as customer_id,
        {%- for col, fn in text_columns | dictsort %}
        {{ fn }}(nullif(trim({{ col }}), '')) as {{ col }},
        {%- endfor %}
        {%- for expr in ns.hashed %}
        {{ expr }},
        {%- endfor %}
        {{ 'created_at' | default('_created') }}::timestamp as created_at,
        '{{ target.schema | upper }}' as loaded_into
    from source
    where {{ "customer_type in ('{}')".format("', '".join(['retail', 'wholesale', 'online'])) }}
)

select * from cleaned
{{ limit_in_dev() }}
