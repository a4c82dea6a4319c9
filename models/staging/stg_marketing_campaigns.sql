select
    campaign_id,
    trim(campaign_name) as campaign_name,
    lower(channel) as channel,
    {{ dbt.cast('budget', 'numeric(12, 2)') }} as budget,
    {{ dbt.cast('roi', 'numeric(8, 2)') }} as reported_roi_percent,
    {{ dbt.cast('start_date', dbt.type_timestamp()) }} as started_at,
    {{ dbt.cast('updated_at', dbt.type_timestamp()) }} as updated_at
from {{ source('raw', 'marketing_campaigns') }}
