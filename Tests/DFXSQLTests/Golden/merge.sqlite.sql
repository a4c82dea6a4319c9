insert into "analytics.orders" ("id", "region", "amount")
select "dbt_internal_source"."id", "dbt_internal_source"."region", "dbt_internal_source"."amount"
from (
select 1 as id, 'us' as region, 111 as amount
union all select 2, null, 222
union all select 6, null, 60
) as "dbt_internal_source"
where not exists (
  select 1
  from "analytics.orders" as "dbt_internal_dest"
  where "dbt_internal_dest"."id" is "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" is "dbt_internal_source"."region"
);

update "analytics.orders" as "dbt_internal_dest"
set "amount" = "dbt_internal_source"."amount"
from (
select 1 as id, 'us' as region, 111 as amount
union all select 2, null, 222
union all select 6, null, 60
) as "dbt_internal_source"
where "dbt_internal_dest"."id" is "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" is "dbt_internal_source"."region";
