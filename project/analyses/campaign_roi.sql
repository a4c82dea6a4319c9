-- Campaign return on investment by channel: measured from attributed orders, next to what the
-- channels report.
select
    channel,
    count(*) as campaigns,
    sum(budget) as budget,
    sum(revenue) as revenue,
    round(100.0 * (sum(revenue) - sum(budget)) / nullif(sum(budget), 0), 2) as measured_roi_percent,
    round(avg(reported_roi_percent), 2) as average_reported_roi_percent
from {{ ref('agg_campaign_performance') }}
group by channel
order by measured_roi_percent desc
