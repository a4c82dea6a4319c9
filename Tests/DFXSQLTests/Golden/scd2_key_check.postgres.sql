select "id", "region", count(*)
from "analytics"."customers_stage"
group by "id", "region"
having count(*) > 1 or "id" is null or "region" is null
order by 3 desc, 1, 2
limit 5;
