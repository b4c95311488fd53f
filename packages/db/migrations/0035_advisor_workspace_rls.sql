-- Tenancy for the advisor workspace (issue 9 §7; DESIGN §3). Notes and replies are kept, never changed; a review
-- changes while it is a draft.
SELECT steward_protect_tenant_table('advisory_notes', 'SELECT, INSERT');
--> statement-breakpoint
SELECT steward_protect_tenant_table('advisory_replies', 'SELECT, INSERT');
--> statement-breakpoint
SELECT steward_protect_tenant_table('performance_reviews', 'SELECT, INSERT, UPDATE');
--> statement-breakpoint
-- Engagements: the council sees its own; an advisor sees their own in every council (to list where they are
-- engaged, as memberships do for members). Writes only in the council's own scope.
ALTER TABLE engagements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE engagements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON engagements TO steward_app
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR advisor_user_id = nullif(current_setting('app.user_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON engagements TO steward_app;
--> statement-breakpoint
-- Two live engagements of one advisor by one council never overlap, so a day has at most one (the session
-- lookup reads it). btree_gist gives GiST the uuid equality; it is a trusted extension (PostgreSQL 13+), created
-- by the owner without superuser. The constraint includes tenant_id, so Citus accepts it on a distributed table.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE engagements ADD CONSTRAINT engagements_no_overlap EXCLUDE USING gist (
  tenant_id WITH =, advisor_user_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&
) WHERE (revoked_at IS NULL);
