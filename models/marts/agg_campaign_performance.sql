-- Per campaign: attributed orders and revenue, and the return on its budget.
select
    c.campaign_id,
    c.campaign_name,
    c.channel,
    c.budget,
    c.reported_roi_percent,
    count(o.order_id) as orders,
    coalesce(sum(case when o.is_cancelled then 0 else o.total_amount end), 0) as revenue,
    round(100.0 * (coalesce(sum(case when o.is_cancelled then 0 else o.total_amount end), 0) - c.budget)
          / nullif(c.budget, 0), 2) as measured_roi_percent
from {{ ref('stg_marketing_campaigns') }} as c
left join {{ ref('fct_orders') }} as o on o.campaign_id = c.campaign_id
group by c.campaign_id, c.campaign_name, c.channel, c.budget, c.reported_roi_percent
