create view "analytics"."orders_view" as
select id, region, amount from "analytics"."orders" where amount > 0;
