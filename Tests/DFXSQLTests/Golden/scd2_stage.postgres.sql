create unlogged table "analytics"."customers_stage" as
select *
from (
select * from "analytics"."customers_src" where id > 0
) as "dfx_source";

analyze "analytics"."customers_stage";
