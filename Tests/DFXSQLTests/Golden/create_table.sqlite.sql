create table "analytics.prices" (
  "id" integer,
  "name" text,
  "price" numeric(10,2)
);
