alter table "analytics"."orders" drop column "note";
