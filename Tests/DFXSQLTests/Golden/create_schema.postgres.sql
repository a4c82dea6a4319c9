create schema if not exists "analytics";
