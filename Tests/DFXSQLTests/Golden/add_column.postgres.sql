alter table "analytics"."orders" add column "note" text;
