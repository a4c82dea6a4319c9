create table "analytics.customers_history" as
select "dfx_source".*,
    md5(coalesce(cast("dfx_source"."id" as varchar), '') || '|' || coalesce(cast("dfx_source"."updated_at" as varchar), '')) as "dbt_scd_id",
    "dfx_source"."updated_at" as "dbt_updated_at",
    "dfx_source"."updated_at" as "dbt_valid_from",
    coalesce(nullif("dfx_source"."updated_at", "dfx_source"."updated_at"), null) as "dbt_valid_to"
from "analytics.customers_stage" as "dfx_source";
