comment on table "analytics"."orders" is 'One row per id and region; it''s tested';
