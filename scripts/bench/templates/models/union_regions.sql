{{ config(materialized='view') }}

{%- set regions = var('regions', ['us', 'eu', 'apac', 'latam', 'mena', 'africa']) %}
{%- set relations = [] %}
{%- for region in regions %}
  {%- do relations.append(source('shop_' ~ region, 'orders')) %}
{%- endfor %}
{%- set column_list = [
    {'name': 'order_id', 'type': 'bigint'},
    {'name': 'customer_id', 'type': 'bigint'},
    {'name': 'amount', 'type': 'numeric(16, 2)'},
    {'name': 'currency', 'type': 'text'},
    {'name': 'ordered_at', 'type': 'timestamp'},
] %}

{{ union_relations(relations, column_list) }}
