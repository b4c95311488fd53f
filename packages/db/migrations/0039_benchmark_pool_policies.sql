-- The benchmark job's read policies (issue 9 §4), rewritten for the planner (docs/benchmarks.md, "Benchmarking").
-- The correlated EXISTS of 0028 gave the same rows, but PostgreSQL costs a correlated subquery in a policy as one
-- index probe of benchmark_participation per row, even where it runs it hashed: every scan of a source table
-- looked dear, the planner chose nested loops of index probes over hash joins, and on their inner side the
-- subquery did run once per row (at 1,000 councils, 200,000 probes per table). An uncorrelated IN is planned as
-- one hashed subquery per statement, costed as such. The rows are the same: the opted-in councils' only.
CREATE OR REPLACE FUNCTION steward_benchmark_source(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT SELECT ON %s TO steward_benchmark', target);
  EXECUTE format('DROP POLICY IF EXISTS benchmark_pool ON %s', target);
  EXECUTE format(
    'CREATE POLICY benchmark_pool ON %s FOR SELECT TO steward_benchmark USING (tenant_id IN ('
    'SELECT p.tenant_id FROM public.benchmark_participation p WHERE p.opted_in))',
    target);
END $$;
--> statement-breakpoint
SELECT steward_benchmark_source('suppliers');
--> statement-breakpoint
SELECT steward_benchmark_source('contracts');
--> statement-breakpoint
SELECT steward_benchmark_source('contract_changes');
--> statement-breakpoint
SELECT steward_benchmark_source('invoices');
--> statement-breakpoint
SELECT steward_benchmark_source('kpis');
--> statement-breakpoint
SELECT steward_benchmark_source('kpi_measurements');
--> statement-breakpoint
SELECT steward_benchmark_source('rag_entries');
