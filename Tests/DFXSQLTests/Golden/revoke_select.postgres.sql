revoke select on table "analytics"."orders" from "reporter", public;
