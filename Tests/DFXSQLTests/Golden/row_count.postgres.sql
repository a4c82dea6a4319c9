select count(*) as row_count from "analytics"."orders";
