-- Trigram search for the register (issue 7 §3): ILIKE '%word%' over references, titles and supplier names
-- uses GIN trigram indexes instead of reading every row. pg_trgm is a trusted extension (PostgreSQL 13+),
-- so the database owner creates it without superuser; on Citus, CREATE EXTENSION on the coordinator is
-- propagated to the workers (infra/README.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
