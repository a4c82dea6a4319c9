insert into "analytics.orders" ("id", "region", "amount")
select "dbt_internal_source"."id", "dbt_internal_source"."region", "dbt_internal_source"."amount"
from (
select 5 as id, 'eu' as region, 50 as amount
) as "dbt_internal_source";
