select
  case when typeof(max('2024-01-01 00:00:00')) in ('integer', 'real') then max('2024-01-01 00:00:00') else (julianday(max('2024-01-01 00:00:00')) - 2440587.5) * 86400.0 end as max_loaded_at,
  (julianday('now') - 2440587.5) * 86400.0 as snapshotted_at
from "analytics.orders"
where (amount > 0);
