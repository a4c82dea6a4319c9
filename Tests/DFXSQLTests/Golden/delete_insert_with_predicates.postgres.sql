delete from "analytics"."orders" as "dbt_internal_dest"
where exists (
  select 1
  from (
select 6 as id, null as region, 66 as amount
) as "dbt_internal_source"
  where "dbt_internal_dest"."id" = "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" = "dbt_internal_source"."region"
    and (dbt_internal_dest.amount > 1000)
);

delete from "analytics"."orders" as "dbt_internal_dest"
using (
  select * from (
select 6 as id, null as region, 66 as amount
) as "dbt_internal_source"
  where "dbt_internal_source"."id" is null or "dbt_internal_source"."region" is null
) as "dbt_internal_source"
where "dbt_internal_dest"."id" is not distinct from "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" is not distinct from "dbt_internal_source"."region"
    and (dbt_internal_dest.amount > 1000);

insert into "analytics"."orders" ("id", "region", "amount")
select "dbt_internal_source"."id", "dbt_internal_source"."region", "dbt_internal_source"."amount"
from (
select 6 as id, null as region, 66 as amount
) as "dbt_internal_source";
