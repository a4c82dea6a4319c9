drop table if exists "analytics"."orders_delta_old";
