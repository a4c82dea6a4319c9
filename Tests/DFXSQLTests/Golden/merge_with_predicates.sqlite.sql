insert into "analytics.orders" ("id", "region", "amount")
select "dbt_internal_source"."id", "dbt_internal_source"."region", "dbt_internal_source"."amount"
from (
select 4 as id, 'eu' as region, 44 as amount
union all select 1, 'us', 1
) as "dbt_internal_source"
where not exists (
  select 1
  from "analytics.orders" as "dbt_internal_dest"
  where "dbt_internal_dest"."id" is "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" is "dbt_internal_source"."region"
    and (dbt_internal_dest.amount < 100)
);

update "analytics.orders" as "dbt_internal_dest"
set "amount" = "dbt_internal_source"."amount"
from (
select 4 as id, 'eu' as region, 44 as amount
union all select 1, 'us', 1
) as "dbt_internal_source"
where "dbt_internal_dest"."id" is "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" is "dbt_internal_source"."region"
    and (dbt_internal_dest.amount < 100);
