select case type when 'table' then 'table' when 'view' then 'view' else 'other' end
from sqlite_master
where name = 'analytics.we"ird o''name';
