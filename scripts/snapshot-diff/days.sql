-- The source's history, one section per day; `-- day N` starts a section. Day 1 is the first load.
-- day 1
drop schema if exists snapdiff_raw cascade;
create schema snapdiff_raw;
create table snapdiff_raw.customers (id integer, name text, tier text, updated_at timestamp);
insert into snapdiff_raw.customers values
  (1, 'Ada', 'silver', '2024-01-01 08:00'), (2, 'Grace', null, '2024-01-01 08:00'),
  (3, 'Edsger', 'bronze', '2024-01-01 08:00'), (5, 'Barbara', 'gold', '2024-01-01 08:00');
create table snapdiff_raw.regions (id integer, region text, name text, score integer);
insert into snapdiff_raw.regions values (1, 'eu', 'north', 1), (1, 'us', 'east', null), (2, 'us', 'west', null), (3, 'eu', 'south', 3);
-- day 2
update snapdiff_raw.customers set name = 'Ada L.', updated_at = '2024-01-02 09:00' where id = 1;
update snapdiff_raw.customers set tier = 'gold', updated_at = '2024-01-02 09:30' where id = 2;
delete from snapdiff_raw.customers where id = 3;
update snapdiff_raw.regions set name = 'north-2' where id = 1 and region = 'eu';
update snapdiff_raw.regions set score = 5 where id = 2;
delete from snapdiff_raw.regions where id = 3;
-- day 3
insert into snapdiff_raw.customers values (3, 'Edsger', 'bronze', '2024-01-03 09:00'), (4, 'Alan', 'silver', '2024-01-03 10:00');
insert into snapdiff_raw.regions values (3, 'eu', 'south', 3);
update snapdiff_raw.regions set score = 2 where id = 1 and region = 'eu';
-- day 4
-- (no change)
-- day 5
update snapdiff_raw.customers set name = null, updated_at = '2024-01-05 08:00' where id = 1;
update snapdiff_raw.customers set tier = null, updated_at = '2024-01-05 08:30' where id = 5;
delete from snapdiff_raw.customers where id = 4;
delete from snapdiff_raw.regions where id = 1 and region = 'us';
-- day 6
alter table snapdiff_raw.regions add column note text;
update snapdiff_raw.regions set note = 'new' where id = 2;
-- day 7
-- (no change)
