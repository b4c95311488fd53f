-- Tenancy for the performance management tables (issue 8; DESIGN §3): every tenant table through the one protecting function.
SELECT steward_protect_tenant_table('kpis');
--> statement-breakpoint
SELECT steward_protect_tenant_table('kpi_measurements');
--> statement-breakpoint
SELECT steward_protect_tenant_table('kpi_measurement_parts');
--> statement-breakpoint
-- Earlier values are history: kept, never changed.
SELECT steward_protect_tenant_table('kpi_measurement_history', 'SELECT, INSERT');
--> statement-breakpoint
SELECT steward_protect_tenant_table('rag_entries');
--> statement-breakpoint
SELECT steward_protect_tenant_table('meetings');
--> statement-breakpoint
SELECT steward_protect_tenant_table('meeting_kpis');
--> statement-breakpoint
SELECT steward_protect_tenant_table('improvement_plans');
--> statement-breakpoint
SELECT steward_protect_tenant_table('actions');
--> statement-breakpoint
SELECT steward_protect_tenant_table('risks');
--> statement-breakpoint
SELECT steward_protect_tenant_table('management_plans');
--> statement-breakpoint
SELECT steward_protect_tenant_table('management_plan_reviews', 'SELECT, INSERT');
--> statement-breakpoint
SELECT steward_protect_tenant_table('monitoring_reports');
--> statement-breakpoint
SELECT steward_protect_tenant_table('close_outs');
--> statement-breakpoint
SELECT steward_protect_tenant_table('lessons');
--> statement-breakpoint
SELECT steward_protect_tenant_table('attachments');
--> statement-breakpoint
SELECT steward_protect_tenant_table('attachment_blobs');
--> statement-breakpoint
-- The KPI library is the platform's (issue 9): councils read it; the operator's tooling writes it.
GRANT SELECT ON kpi_templates TO steward_app;
