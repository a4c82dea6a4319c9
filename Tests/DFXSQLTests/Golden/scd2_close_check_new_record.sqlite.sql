update "analytics.regions_history" as "dfx_current"
set "dbt_valid_to" = "dfx_changes"."dfx_valid_from"
from "analytics.customers_changes" as "dfx_changes"
where "dfx_current"."id" = "dfx_changes"."id" and "dfx_current"."region" = "dfx_changes"."region"
    and "dfx_current"."dbt_valid_to" is null;
