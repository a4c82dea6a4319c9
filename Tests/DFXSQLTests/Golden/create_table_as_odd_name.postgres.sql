create table "analytics"."we""ird o'name" as
select 'it''s' as "a ""b""";
