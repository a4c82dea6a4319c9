
select * from "main.stg_payments" where amount < 0
