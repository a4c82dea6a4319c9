-- Where dbt corrupts history and dfx does not: a deleted key that comes back with its old
-- updated_at. dbt re-opens it at that old updated_at: under hard_deletes invalidate the new version
-- overlaps the closed one and repeats its dbt_scd_id; under new_record the deletion record is closed
-- before it opened (valid_to < valid_from). dfx re-opens the key at the execution time (day 3,
-- 12:00), after its last closed version, with a fresh dbt_scd_id. Expected outcome: days 1-2
-- identical, day 3 different for s_ts, s_ts_new_record and s_valid_to_current (s_check and
-- s_check_all date every version with the execution time and agree).
-- day 1
drop schema if exists snapdiff_raw cascade;
create schema snapdiff_raw;
create table snapdiff_raw.customers (id integer, name text, tier text, updated_at timestamp);
insert into snapdiff_raw.customers values (1, 'Ada', 'silver', '2024-01-01 08:00'), (3, 'Edsger', 'bronze', '2024-01-01 08:00');
create table snapdiff_raw.regions (id integer, region text, name text, score integer);
insert into snapdiff_raw.regions values (1, 'eu', 'north', 1);
-- day 2
delete from snapdiff_raw.customers where id = 3;
-- day 3
insert into snapdiff_raw.customers values (3, 'Edsger', 'bronze', '2024-01-01 08:00');
