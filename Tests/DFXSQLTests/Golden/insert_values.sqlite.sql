insert into "analytics.prices" ("id", "name", "price")
values (?1, ?2, ?3),
       (?4, ?5, ?6);
