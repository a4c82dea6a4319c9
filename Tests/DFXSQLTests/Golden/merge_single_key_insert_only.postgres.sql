delete from "analytics"."orders" as "dbt_internal_dest"
using (
  select * from (
select 7 as id, 'eu' as region, 70 as amount
union all select 3, 'xx', 0
) as "dbt_internal_source"
  where "dbt_internal_source"."id" is null
) as "dbt_internal_source"
where "dbt_internal_dest"."id" is not distinct from "dbt_internal_source"."id";

merge into "analytics"."orders" as "dbt_internal_dest"
using (
select 7 as id, 'eu' as region, 70 as amount
union all select 3, 'xx', 0
) as "dbt_internal_source"
on "dbt_internal_dest"."id" = "dbt_internal_source"."id"
when not matched then insert ("id", "region", "amount")
values ("dbt_internal_source"."id", "dbt_internal_source"."region", "dbt_internal_source"."amount");
