select pg_advisory_xact_lock(hashtext('dfx: swaps that touch views'));
