select null, name, 'view', 1, sql
from sqlite_master
where type = 'view' and name <> 'analytics.orders'
  and (instr(lower(sql), lower('"analytics.orders"')) > 0 or instr(lower(sql), lower('[analytics.orders]')) > 0 or instr(lower(sql), lower('`analytics.orders`')) > 0)
order by name;
