alter table "analytics"."prices" alter column "price" type numeric(12,4) using "price"::numeric(12,4);
