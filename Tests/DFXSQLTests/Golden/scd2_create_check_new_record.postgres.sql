create table "analytics"."regions_history" as
select "dfx_source".*,
    md5(coalesce(cast("dfx_source"."id" as varchar), '') || '|' || coalesce(cast("dfx_source"."region" as varchar), '') || '|' || coalesce(cast(cast('2024-01-04 00:00:00' as timestamp) as varchar), '')) as "dbt_scd_id",
    cast('2024-01-04 00:00:00' as timestamp) as "dbt_updated_at",
    cast('2024-01-04 00:00:00' as timestamp) as "dbt_valid_from",
    coalesce(nullif(cast('2024-01-04 00:00:00' as timestamp), cast('2024-01-04 00:00:00' as timestamp)), null) as "dbt_valid_to",
    'False' as "dbt_is_deleted"
from (
select * from "analytics"."customers_src"
) as "dfx_source";
