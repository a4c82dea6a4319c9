create table "analytics.orders_delta" as
select 1 as id, 'eu' as region, 15 as amount
union all select 2, null, 25
union all select 3, 'us', 30;
