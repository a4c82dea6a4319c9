alter table "analytics.orders_delta" rename to "analytics.orders_delta_old";
