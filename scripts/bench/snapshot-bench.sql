-- The snapshot of bench_raw.dim into bench_sql.dim_snapshot written by hand: what a careful engineer
-- would run for a timestamp-strategy snapshot (the logic dfx generates, minus its re-insert guard).
-- First run: create the history and refuse duplicate keys; later runs: stage once, refuse duplicate
-- keys, find the changes once, close and insert; each in one transaction.
begin;
select pg_advisory_xact_lock(hashtext('bench_sql.dim_snapshot'));
select to_regclass('bench_sql.dim_snapshot') is null as first_load \gset
\if :first_load
create table bench_sql.dim_snapshot as
select d.*, md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(updated_at as varchar), '')) as dbt_scd_id,
       updated_at as dbt_updated_at, updated_at as dbt_valid_from, cast(null as timestamp) as dbt_valid_to
from bench_raw.dim as d;
select count(*) = 0 as unique_keys from (select id from bench_sql.dim_snapshot group by id having count(*) > 1 or id is null limit 1) d \gset
\if :unique_keys
\else
\echo duplicate keys
\quit
\endif
create index dim_snapshot_key on bench_sql.dim_snapshot (id, dbt_valid_to);
\else
create temporary table stage on commit drop as select * from bench_raw.dim;
analyze stage;
select count(*) = 0 as unique_keys from (select id from stage group by id having count(*) > 1 or id is null limit 1) d \gset
\if :unique_keys
\else
\echo duplicate keys
\quit
\endif
create temporary table changes on commit drop as
select s.*
from stage as s
left join bench_sql.dim_snapshot as c on c.id = s.id and c.dbt_valid_to is null
where c.id is null or s.updated_at > c.dbt_updated_at;
update bench_sql.dim_snapshot as h set dbt_valid_to = c.updated_at
from changes as c
where h.id = c.id and h.dbt_valid_to is null;
insert into bench_sql.dim_snapshot (id, name, city, score, updated_at, dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to)
select id, name, city, score, updated_at,
       md5(coalesce(cast(id as varchar), '') || '|' || coalesce(cast(updated_at as varchar), '')), updated_at, updated_at, null
from changes;
\endif
commit;
