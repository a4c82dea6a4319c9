alter table "analytics"."orders_delta" rename to "orders_delta_old";
