update "analytics"."customers_changes" as "dfx_changes"
set "dfx_valid_from" = cast('2024-01-05 00:00:00' as timestamp)
where "dfx_changes"."dfx_action" = 'upsert'
    and exists (
        select 1
        from "analytics"."customers_history" as "dfx_history"
        where "dfx_history"."id" = "dfx_changes"."id"
            and "dfx_history"."dbt_valid_to" >= "dfx_changes"."dfx_valid_from"
            and not "dfx_history"."dbt_valid_to" is null
    );
