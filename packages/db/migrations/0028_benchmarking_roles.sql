-- Benchmarking (issue 9 §3–§4; DESIGN §3 rule 3, §5): what drizzle-kit does not emit.

-- A council's consent is a tenant table like any other.
SELECT steward_protect_tenant_table('benchmark_participation', 'SELECT, INSERT, UPDATE');
--> statement-breakpoint
-- The KPI library and the organisation registry are the platform's: councils read them, the platform operator
-- (signed in, outside any council) edits them. The registry's names come from the operator or an authoritative
-- register, never from a council (issue 6 §2.5): the routers write no council input into them.
GRANT SELECT, INSERT, UPDATE ON service_categories, kpi_templates TO steward_app;
--> statement-breakpoint
GRANT UPDATE ON organisations TO steward_app;
--> statement-breakpoint
INSERT INTO benchmark_settings (id, k) VALUES (true, 5) ON CONFLICT DO NOTHING;
--> statement-breakpoint
GRANT SELECT, UPDATE ON benchmark_settings TO steward_app;
--> statement-breakpoint
-- The app role reads only the published snapshots: they hold no tenant id and no council's raw figure.
GRANT SELECT ON benchmark_snapshots, benchmark_cells, benchmark_warnings TO steward_app;
--> statement-breakpoint
-- The aggregation job's own role: not the app role, no login, not superuser, no BYPASSRLS. The owner switches to
-- it with SET LOCAL ROLE in the job's transaction (inBenchmarkTransaction); the app role is not a member, so no
-- procedure can. It reads the pool's rows through one read-only policy per source table, limited to the councils
-- that opted in, and writes only the snapshots.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steward_benchmark') THEN
    CREATE ROLE steward_benchmark NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
GRANT steward_benchmark TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO steward_benchmark;
--> statement-breakpoint
GRANT SELECT ON tenants, organisations, service_categories, kpi_templates, benchmark_settings TO steward_benchmark;
--> statement-breakpoint
GRANT SELECT, INSERT ON benchmark_snapshots, benchmark_cells, benchmark_warnings TO steward_benchmark;
--> statement-breakpoint
GRANT SELECT ON benchmark_participation TO steward_benchmark;
--> statement-breakpoint
CREATE POLICY benchmark_pool ON benchmark_participation FOR SELECT TO steward_benchmark USING (opted_in);
--> statement-breakpoint
CREATE FUNCTION steward_benchmark_source(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('GRANT SELECT ON %s TO steward_benchmark', target);
  EXECUTE format(
    'CREATE POLICY benchmark_pool ON %s FOR SELECT TO steward_benchmark USING (EXISTS ('
    'SELECT 1 FROM public.benchmark_participation p WHERE p.tenant_id = %s.tenant_id AND p.opted_in))',
    target, target);
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
