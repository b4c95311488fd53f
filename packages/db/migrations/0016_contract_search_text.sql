-- The register search reads one lower-cased column with LIKE instead of three ILIKEs a row. The trigram
-- indexes of 0013 are dropped, and pg_trgm with them: under row-level security PostgreSQL uses an index only
-- for conditions whose operator is leakproof, and LIKE/ILIKE are not, so the app role could never use them
-- (docs/benchmarks.md). pg_trgm itself installed as the non-superuser owner, as a trusted extension does.
DROP INDEX "contracts_reference_trgm_idx";--> statement-breakpoint
DROP INDEX "contracts_title_trgm_idx";--> statement-breakpoint
DROP INDEX "suppliers_name_trgm_idx";--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(reference || ' ' || title)) STORED;--> statement-breakpoint
DROP EXTENSION IF EXISTS pg_trgm;
