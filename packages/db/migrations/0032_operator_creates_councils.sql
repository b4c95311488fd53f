-- The platform operator sets up councils (issue 11 §6). The operator's transaction is narrowed to the new
-- council's id first (actOn in packages/api/src/init.ts), so a council row can be inserted only for the council
-- the transaction belongs to: one tenant per transaction, like every other write.
CREATE POLICY tenants_create_own ON tenants FOR INSERT TO steward_app
  WITH CHECK (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- Every column: the insert names them all (drizzle sends DEFAULT for the ones left out).
GRANT INSERT ON tenants TO steward_app;
