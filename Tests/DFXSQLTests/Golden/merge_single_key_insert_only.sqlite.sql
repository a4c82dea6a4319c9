insert into "analytics.orders" ("id", "region", "amount")
select "dbt_internal_source"."id", "dbt_internal_source"."region", "dbt_internal_source"."amount"
from (
select 7 as id, 'eu' as region, 70 as amount
union all select 3, 'xx', 0
) as "dbt_internal_source"
where not exists (
  select 1
  from "analytics.orders" as "dbt_internal_dest"
  where "dbt_internal_dest"."id" is "dbt_internal_source"."id"
);
