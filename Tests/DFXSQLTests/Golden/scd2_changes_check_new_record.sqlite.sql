create table "analytics.customers_changes" as
select "id",
    "region",
    "name",
    "updated_at",
    'upsert' as "dfx_action",
    "dfx_closed_scd_id",
    "dfx_ts",
    case when "dfx_previous" is null or "dfx_ts" > "dfx_previous" then "dfx_ts" else '2024-01-05 00:00:00' end as "dfx_valid_from"
from (
    select "dfx_source"."id",
        "dfx_source"."region",
        "dfx_source"."name",
        "dfx_source"."updated_at",
        "dfx_current"."dbt_scd_id" as "dfx_closed_scd_id",
        '2024-01-05 00:00:00' as "dfx_ts",
        "dfx_current"."dbt_valid_from" as "dfx_previous"
    from "analytics.customers_stage" as "dfx_source"
    left join "analytics.regions_history" as "dfx_current"
        on "dfx_current"."id" = "dfx_source"."id" and "dfx_current"."region" = "dfx_source"."region" and "dfx_current"."dbt_valid_to" is null
    where "dfx_current"."id" is null
        or ("dfx_current"."name" is not "dfx_source"."name")
        or "dfx_current"."dbt_is_deleted" = 'True'
) as "dfx_upserts"
union all
select "dfx_current"."id", "dfx_current"."region", "dfx_current"."name", "dfx_current"."updated_at", 'delete', "dfx_current"."dbt_scd_id", '2024-01-05 00:00:00', '2024-01-05 00:00:00'
from "analytics.regions_history" as "dfx_current"
where "dfx_current"."dbt_valid_to" is null
    and coalesce("dfx_current"."dbt_is_deleted", 'False') <> 'True'
    and not exists (select 1 from "analytics.customers_stage" as "dfx_source" where "dfx_source"."id" = "dfx_current"."id" and "dfx_source"."region" = "dfx_current"."region");
