{% macro union_relations(relations, column_list, source_column_name='_dbt_source_relation') -%}
  {%- for relation in relations %}
    select
      cast({{ relation | tojson }} as text) as {{ source_column_name }},
      {% for col in column_list -%}
      {{ col.name }}::{{ col.type }} as {{ col.name }}{{ "," if not loop.last }}
      {% endfor %}
    from {{ relation }}
    {% if not loop.last %}
    union all
    {% endif -%}
  {%- endfor %}
{%- endmacro %}
