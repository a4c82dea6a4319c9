comment on column "analytics"."orders"."note" is 'free text';
