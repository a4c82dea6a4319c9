drop view if exists "analytics.orders_view_renamed";
