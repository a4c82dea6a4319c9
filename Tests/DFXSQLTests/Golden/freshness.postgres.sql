select
  extract(epoch from max(timestamp '2024-01-01 00:00:00')) as max_loaded_at,
  extract(epoch from now()) as snapshotted_at
from "analytics"."orders"
where (amount > 0);
