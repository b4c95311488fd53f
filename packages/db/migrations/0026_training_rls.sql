-- Training (issue 10). The learning tables are ordinary tenant tables.
SELECT steward_protect_tenant_table('training_requirements');
--> statement-breakpoint
SELECT steward_protect_tenant_table('enrolments', 'SELECT, INSERT, UPDATE');
--> statement-breakpoint
SELECT steward_protect_tenant_table('lesson_progress', 'SELECT, INSERT');
--> statement-breakpoint
SELECT steward_protect_tenant_table('quiz_attempts', 'SELECT, INSERT, UPDATE');
--> statement-breakpoint
SELECT steward_protect_tenant_table('completions', 'SELECT, INSERT, UPDATE');
--> statement-breakpoint
-- Course content belongs to the platform (owner_tenant_id null) or to one council. A council's transaction reads
-- its own rows and the platform's, and changes only its own; a transaction with no council (the operator's
-- console) reads and changes only the platform's.
CREATE FUNCTION steward_protect_course_table(target regclass) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  council text := 'nullif(current_setting(''app.tenant_id'', true), '''')';
  writable text;
BEGIN
  writable := format('(CASE WHEN %1$s IS NULL THEN owner_tenant_id IS NULL ELSE owner_tenant_id = %1$s::uuid END)', council);
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('CREATE POLICY course_read ON %s FOR SELECT TO steward_app '
    'USING (owner_tenant_id IS NULL OR owner_tenant_id = %s::uuid)', target, council);
  EXECUTE format('CREATE POLICY course_insert ON %s FOR INSERT TO steward_app WITH CHECK %s', target, writable);
  EXECUTE format('CREATE POLICY course_update ON %1$s FOR UPDATE TO steward_app USING %2$s WITH CHECK %2$s',
    target, writable);
  EXECUTE format('CREATE POLICY course_delete ON %s FOR DELETE TO steward_app USING %s', target, writable);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO steward_app', target);
END $$;
--> statement-breakpoint
SELECT steward_protect_course_table('courses');
--> statement-breakpoint
SELECT steward_protect_course_table('course_versions');
--> statement-breakpoint
SELECT steward_protect_course_table('course_modules');
--> statement-breakpoint
SELECT steward_protect_course_table('course_lessons');
--> statement-breakpoint
SELECT steward_protect_course_table('course_questions');
--> statement-breakpoint
-- The public verification page looks a code up here (no council yet), then reads the completion in its council.
GRANT SELECT, INSERT ON certificate_codes TO steward_app;
