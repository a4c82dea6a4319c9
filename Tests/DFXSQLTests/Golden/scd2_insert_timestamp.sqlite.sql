insert into "analytics.customers_history" ("id", "region", "name", "updated_at", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to")
select "id", "region", "name", "updated_at",
    md5(coalesce(cast("id" as varchar), '') || '|' || coalesce(cast("dfx_valid_from" as varchar), '')), "dfx_ts", "dfx_valid_from", null
from "analytics.customers_changes"
where "dfx_action" = 'upsert';
