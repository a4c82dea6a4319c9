{{
    config(
        materialized='incremental',
        unique_key='event_id',
        on_schema_change='append_new_columns',
        incremental_strategy='merge'
    )
}}

{%- set lookback_hours = var('lookback_hours', 3) %}
{%- set event_columns = [
    {'name': 'event_id', 'type': 'text'},
    {'name': 'user_id', 'type': 'bigint'},
    {'name': 'session_id', 'type': 'text'},
    {'name': 'event_type', 'type': 'text'},
    {'name': 'page_url', 'type': 'text'},
    {'name': 'referrer', 'type': 'text'},
    {'name': 'device', 'type': 'text'},
    {'name': 'country', 'type': 'text'},
    {'name': 'occurred_at', 'type': 'timestamp'},
] %}

with events as (

    select
        {%- for col in event_columns %}
        cast({{ col.name }} as {{ col.type }}) as {{ col.name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('stg_events') }}

    {% if is_incremental() %}
    where occurred_at > (select max(occurred_at) - interval '{{ lookback_hours }} hours' from {{ this }})
    {% else %}
    where occurred_at >= '{{ var('start_date', '2020-01-01') }}'
    {% endif %}

),

sessions as (

    select
        session_id,
        min(occurred_at) as session_started_at,
        max(occurred_at) as session_ended_at,
        count(*) as events_in_session
    from events
    group by 1

)

select
    events.*,
    sessions.session_started_at,
    sessions.session_ended_at,
    sessions.events_in_session,
    {{ surrogate_key(['events.event_id', 'events.session_id']) }} as event_key,
    {{ audit_columns() }}
from events
left join sessions using (session_id)
{% if is_incremental() -%}
where events.occurred_at > (select coalesce(max(occurred_at), '1900-01-01') from {{ this }})
{%- endif %}
