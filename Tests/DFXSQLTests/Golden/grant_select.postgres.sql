grant select on table "analytics"."orders" to "reporter", public;
