create table "analytics.orders" as
select 1 as id, 'eu' as region, 10 as amount
union all select 1, 'us', 11
union all select 2, null, 20
union all select 4, 'eu', 40;
