select case when exists (
  select 1 from sqlite_master m
  where m.type = 'view' and m.name <> 'analytics.orders' and (instr(lower(m.sql), lower('"' || replace('analytics.orders', '"', '""') || '"')) > 0 or instr(lower(m.sql), lower('[' || 'analytics.orders' || ']')) > 0 or instr(lower(m.sql), lower('`' || replace('analytics.orders', '`', '``') || '`')) > 0)
) then 1 else 0 end;
