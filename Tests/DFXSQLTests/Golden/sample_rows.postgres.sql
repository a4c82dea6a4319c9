select * from (
select id, amount from "analytics"."orders"
-- comment
) dfx_sample limit 5;
