select name, type from pragma_table_info('analytics.orders') order by cid;
