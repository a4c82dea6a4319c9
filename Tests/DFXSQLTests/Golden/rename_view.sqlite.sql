drop view "analytics.orders_view";

create view "analytics.orders_view_renamed" as
select id, region, amount from "analytics.orders" where amount > 0;
