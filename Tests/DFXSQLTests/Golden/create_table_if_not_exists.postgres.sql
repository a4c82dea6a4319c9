create table if not exists "analytics"."prices" (
  "id" integer
);
