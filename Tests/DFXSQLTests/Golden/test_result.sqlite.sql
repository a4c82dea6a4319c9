select
      count(*) as failures,
      count(*) > 5 as should_warn,
      count(*) >= 1 as should_error
    from (
select id from "analytics.orders" where region is null -- a trailing comment
      limit 100
    ) dbt_internal_test;
