-- Tenancy rules of DESIGN §3, which drizzle-kit does not emit: the app role, grants, FORCE RLS, policies
-- and the append-only, hash-chained audit log. No SECURITY DEFINER function is needed yet: an invitation
-- link carries its council's id, so even accepting one runs in that council's RLS transaction.

-- The role the application queries as: no login of its own, not superuser, no BYPASSRLS, owns nothing.
-- The owner switches to it with SET LOCAL ROLE in every transaction (packages/db/src/database.ts).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steward_app') THEN
    CREATE ROLE steward_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
GRANT steward_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO steward_app;
--> statement-breakpoint
-- Every tenant-owned table goes through this one function: ENABLE + FORCE RLS, one policy, grants.
CREATE FUNCTION steward_protect_tenant_table(target regclass, privileges text DEFAULT 'SELECT, INSERT, UPDATE, DELETE')
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s TO steward_app '
    'USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) '
    'WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
    target);
  EXECUTE format('GRANT %s ON %s TO steward_app', privileges, target);
END $$;
--> statement-breakpoint
-- Platform tables: narrow grants, no RLS (they hold no council's data).
GRANT SELECT ON tenants TO steward_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON users TO steward_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO steward_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON password_resets TO steward_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON outbox TO steward_app;
--> statement-breakpoint
SELECT steward_protect_tenant_table('invitations');
--> statement-breakpoint
-- Memberships: a council's members see the council's memberships; anyone sees their own (to list their councils).
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships TO steward_app
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR user_id = nullif(current_setting('app.user_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON memberships TO steward_app;
--> statement-breakpoint
-- Audit log (DESIGN §3.8): the app role may only INSERT and SELECT; triggers refuse the rest, even to the owner.
SELECT steward_protect_tenant_table('audit_events', 'SELECT, INSERT');
--> statement-breakpoint
CREATE FUNCTION steward_audit_row_hash(e public.audit_events) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = '' AS $$
  SELECT encode(sha256(convert_to(e.prev_hash || jsonb_build_object(
    'tenant_id', e.tenant_id, 'id', e.id, 'seq', e.seq, 'actor_user_id', e.actor_user_id,
    'action', e.action, 'entity_type', e.entity_type, 'entity_id', e.entity_id,
    'before', e.before, 'after', e.after, 'request_id', e.request_id,
    'created_at', extract(epoch FROM e.created_at))::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Writes are serialised per tenant by an advisory transaction lock, so the chain has no forks.
CREATE FUNCTION steward_audit_chain() RETURNS trigger
LANGUAGE plpgsql SET search_path = '' AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.tenant_id::text, 0));
  SELECT a.seq, a.row_hash INTO last_seq, last_hash FROM public.audit_events a
    WHERE a.tenant_id = NEW.tenant_id ORDER BY a.seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.created_at := clock_timestamp();
  NEW.row_hash := public.steward_audit_row_hash(NEW);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION steward_audit_chain();
--> statement-breakpoint
CREATE FUNCTION steward_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION steward_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION steward_refuse_change();
