-- Outbox bodies hold live invitation and reset links: the hourly sweep deletes mail once its links have expired.
GRANT DELETE ON outbox TO steward_app;
