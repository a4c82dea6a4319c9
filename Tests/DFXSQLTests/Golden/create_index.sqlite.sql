create unique index if not exists "analytics.orders_key_idx" on "analytics.orders" ("id", "region", "amount");
