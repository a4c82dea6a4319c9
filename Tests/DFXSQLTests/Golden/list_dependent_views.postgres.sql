with recursive dependents(oid, depth) as (
  select r.ev_class, 1
  from pg_catalog.pg_depend d
  join pg_catalog.pg_rewrite r on r.oid = d.objid
  where d.classid = 'pg_catalog.pg_rewrite'::regclass and d.refclassid = 'pg_catalog.pg_class'::regclass
    and r.ev_class <> d.refobjid
    and d.refobjid = (
      select c.oid from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'analytics' and c.relname = 'orders')
  union
  select r.ev_class, dependents.depth + 1
  from dependents
  join pg_catalog.pg_depend d on d.refobjid = dependents.oid
  join pg_catalog.pg_rewrite r on r.oid = d.objid
  where d.classid = 'pg_catalog.pg_rewrite'::regclass and d.refclassid = 'pg_catalog.pg_class'::regclass
    and r.ev_class <> d.refobjid and dependents.depth < 64
)
select n.nspname, c.relname,
  case c.relkind when 'm' then 'materialized_view' else 'view' end,
  max(dependents.depth),
  case c.relkind when 'm' then 'create materialized view ' else 'create view ' end
    || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
    || ' as' || chr(10) || rtrim(pg_catalog.pg_get_viewdef(c.oid), ';')
from dependents
join pg_catalog.pg_class c on c.oid = dependents.oid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
group by n.nspname, c.relname, c.relkind, c.oid
order by 4, 1, 2;
