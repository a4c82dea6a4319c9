lock table "analytics"."orders" in access exclusive mode;
