-- The limiters' counters are platform state (no tenant, no RLS): the app role counts, resets and sweeps them.
GRANT SELECT, INSERT, UPDATE, DELETE ON attempt_counters TO steward_app;
