delete from "analytics"."orders" as "dbt_internal_dest"
where exists (
  select 1
  from "analytics"."orders_delta" as "dbt_internal_source"
  where "dbt_internal_dest"."id" = "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" = "dbt_internal_source"."region"
);

delete from "analytics"."orders" as "dbt_internal_dest"
using (
  select * from "analytics"."orders_delta" as "dbt_internal_source"
  where "dbt_internal_source"."id" is null or "dbt_internal_source"."region" is null
) as "dbt_internal_source"
where "dbt_internal_dest"."id" is not distinct from "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" is not distinct from "dbt_internal_source"."region";

insert into "analytics"."orders" ("id", "region", "amount")
select "dbt_internal_source"."id", "dbt_internal_source"."region", "dbt_internal_source"."amount"
from "analytics"."orders_delta" as "dbt_internal_source";
