delete from "analytics"."orders" as "dbt_internal_dest"
using (
  select * from (
select 1 as id, 'us' as region, 111 as amount
union all select 2, null, 222
union all select 6, null, 60
) as "dbt_internal_source"
  where "dbt_internal_source"."id" is null or "dbt_internal_source"."region" is null
) as "dbt_internal_source"
where "dbt_internal_dest"."id" is not distinct from "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" is not distinct from "dbt_internal_source"."region";

merge into "analytics"."orders" as "dbt_internal_dest"
using (
select 1 as id, 'us' as region, 111 as amount
union all select 2, null, 222
union all select 6, null, 60
) as "dbt_internal_source"
on "dbt_internal_dest"."id" = "dbt_internal_source"."id"
    and "dbt_internal_dest"."region" = "dbt_internal_source"."region"
when matched then update set "amount" = "dbt_internal_source"."amount"
when not matched then insert ("id", "region", "amount")
values ("dbt_internal_source"."id", "dbt_internal_source"."region", "dbt_internal_source"."amount");
