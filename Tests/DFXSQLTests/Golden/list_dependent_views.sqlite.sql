with recursive dependents(name, depth) as (
  select m.name, 1
  from sqlite_master m
  where m.type = 'view' and m.name <> 'analytics.orders' and (instr(lower(m.sql), lower('"' || replace('analytics.orders', '"', '""') || '"')) > 0 or instr(lower(m.sql), lower('[' || 'analytics.orders' || ']')) > 0 or instr(lower(m.sql), lower('`' || replace('analytics.orders', '`', '``') || '`')) > 0)
  union
  select m.name, dependents.depth + 1
  from dependents
  join sqlite_master m on m.type = 'view' and m.name <> dependents.name
  where dependents.depth < 64 and (instr(lower(m.sql), lower('"' || replace(dependents.name, '"', '""') || '"')) > 0 or instr(lower(m.sql), lower('[' || dependents.name || ']')) > 0 or instr(lower(m.sql), lower('`' || replace(dependents.name, '`', '``') || '`')) > 0)
)
select null, dependents.name, 'view', max(dependents.depth), m.sql
from dependents
join sqlite_master m on m.name = dependents.name and m.type = 'view'
group by dependents.name, m.sql
order by 4, 2;
