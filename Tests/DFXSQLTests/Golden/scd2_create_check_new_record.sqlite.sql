create table "analytics.regions_history" as
select "dfx_source".*,
    md5(coalesce(cast("dfx_source"."id" as varchar), '') || '|' || coalesce(cast("dfx_source"."region" as varchar), '') || '|' || coalesce(cast('2024-01-04 00:00:00' as varchar), '')) as "dbt_scd_id",
    '2024-01-04 00:00:00' as "dbt_updated_at",
    '2024-01-04 00:00:00' as "dbt_valid_from",
    coalesce(nullif('2024-01-04 00:00:00', '2024-01-04 00:00:00'), null) as "dbt_valid_to",
    'False' as "dbt_is_deleted"
from (
select * from "analytics.customers_src"
) as "dfx_source";
