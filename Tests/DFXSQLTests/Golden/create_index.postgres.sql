create unique index if not exists "orders_key_idx" on "analytics"."orders" using btree ("id", "region", "amount");
