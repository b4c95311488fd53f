-- The register search matches suppliers by one lower-cased column with LIKE: ILIKE over a council's 10,000
-- supplier names took 5 ms in each of the list's two statements, LIKE on search_name about 1 ms
-- (docs/benchmarks.md).
ALTER TABLE "suppliers" ADD COLUMN "search_name" text GENERATED ALWAYS AS (lower(name)) STORED;
