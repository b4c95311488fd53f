-- A council admin edits the council's settings (tiering thresholds, scheme of delegation). The app role reads
-- the tenants directory; its updates reach only the row of the transaction's own council. Not FORCEd: the
-- owner (migrations, the demo seed, the platform's own jobs) creates councils.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenants_read ON tenants FOR SELECT TO steward_app USING (true);
--> statement-breakpoint
CREATE POLICY tenants_update_own ON tenants FOR UPDATE TO steward_app
  USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT UPDATE (name, settings) ON tenants TO steward_app;
