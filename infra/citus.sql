-- Steward on Citus (DESIGN §11): run once, as a superuser on the coordinator, after the migrations.
-- Council tables are distributed by tenant_id and co-located, so every tenant transaction routes to one
-- node; platform tables are reference tables, copied to every node. Keep this list in step with the
-- schema: packages/db/src/catalogue.test.ts checks that every table appears here once.

-- Platform (reference) tables
SELECT create_reference_table('tenants');
SELECT create_reference_table('users');
SELECT create_reference_table('sessions');
SELECT create_reference_table('password_resets');
SELECT create_reference_table('outbox');
SELECT create_reference_table('organisations');
SELECT create_reference_table('attempt_counters');
SELECT create_reference_table('service_categories');
SELECT create_reference_table('kpi_templates');
-- Course content: the platform's courses and each council's own (owner_tenant_id), read by every council.
SELECT create_reference_table('courses');
SELECT create_reference_table('course_versions');
SELECT create_reference_table('course_modules');
SELECT create_reference_table('course_lessons');
SELECT create_reference_table('course_questions');
SELECT create_reference_table('certificate_codes');
-- Stripe's events by id (issue 11): stored once, whatever council they name.
SELECT create_reference_table('stripe_events');
-- The platform's audit log (issue 11 §6): the operator's changes that belong to no council.
SELECT create_reference_table('platform_audit_events');
-- Benchmark snapshots (issue 9 §9): tenant-free, read by every council's transaction wherever it routes.
SELECT create_reference_table('benchmark_settings');
SELECT create_reference_table('benchmark_snapshots');
SELECT create_reference_table('benchmark_cells');
SELECT create_reference_table('benchmark_warnings');

-- Council (distributed) tables
SELECT create_distributed_table('memberships', 'tenant_id');
SELECT create_distributed_table('invitations', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('audit_events', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('suppliers', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('contracts', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('contract_changes', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('invoices', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('idempotency_keys', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('kpis', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('kpi_measurements', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('kpi_measurement_parts', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('kpi_measurement_history', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('kpi_rating_months', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('rag_entries', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('meetings', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('meeting_kpis', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('improvement_plans', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('actions', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('risks', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('management_plans', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('management_plan_reviews', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('monitoring_reports', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('contract_notices', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('close_outs', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('lessons', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('attachments', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('attachment_blobs', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('rag_reminders', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('training_requirements', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('enrolments', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('lesson_progress', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('quiz_attempts', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('completions', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('benchmark_participation', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('licences', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('billing_invoices', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('engagements', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('advisory_notes', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('advisory_replies', 'tenant_id', colocate_with => 'memberships');
SELECT create_distributed_table('performance_reviews', 'tenant_id', colocate_with => 'memberships');
