alter view "analytics"."orders_view" rename to "orders_view_renamed";
