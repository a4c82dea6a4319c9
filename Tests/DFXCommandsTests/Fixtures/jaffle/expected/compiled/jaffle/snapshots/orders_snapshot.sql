

select * from "main.stg_orders"
