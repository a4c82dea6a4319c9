insert into "analytics.regions_history" ("id", "region", "name", "updated_at", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to", "dbt_is_deleted")
select "id", "region", "name", "updated_at",
    md5(coalesce(cast("id" as varchar), '') || '|' || coalesce(cast("region" as varchar), '') || '|' || coalesce(cast("dfx_valid_from" as varchar), '')), "dfx_ts", "dfx_valid_from", null, 'False'
from "analytics.customers_changes"
where "dfx_action" = 'upsert';

insert into "analytics.regions_history" ("id", "region", "name", "updated_at", "dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to", "dbt_is_deleted")
select "id", "region", "name", "updated_at",
    md5(coalesce(cast("dfx_closed_scd_id" as varchar), '') || '|' || coalesce(cast('2024-01-05 00:00:00' as varchar), '')), '2024-01-05 00:00:00', '2024-01-05 00:00:00', null, 'True'
from "analytics.customers_changes"
where "dfx_action" = 'delete';
