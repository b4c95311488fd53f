-- The platform's audit log (issue 11 §6; DESIGN §3.8): what the operator changes that belongs to no council.
-- Hash-chained and append-only as audit_events is (0001), one chain for the whole platform.
CREATE FUNCTION steward_platform_audit_row_hash(e public.platform_audit_events) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = '' AS $$
  SELECT encode(sha256(convert_to(e.prev_hash || jsonb_build_object(
    'id', e.id, 'seq', e.seq, 'actor_user_id', e.actor_user_id,
    'action', e.action, 'entity_type', e.entity_type, 'entity_id', e.entity_id,
    'before', e.before, 'after', e.after, 'request_id', e.request_id,
    'created_at', extract(epoch FROM e.created_at))::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Writes are serialised by an advisory transaction lock, so the chain has no forks.
CREATE FUNCTION steward_platform_audit_chain() RETURNS trigger
LANGUAGE plpgsql SET search_path = '' SET enable_seqscan = off SET enable_bitmapscan = off AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:platform', 0));
  SELECT a.seq, a.row_hash INTO last_seq, last_hash FROM public.platform_audit_events a
    ORDER BY a.seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.created_at := clock_timestamp();
  NEW.row_hash := public.steward_platform_audit_row_hash(NEW);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER platform_audit_events_chain BEFORE INSERT ON platform_audit_events
  FOR EACH ROW EXECUTE FUNCTION steward_platform_audit_chain();
--> statement-breakpoint
CREATE TRIGGER platform_audit_events_append_only BEFORE UPDATE OR DELETE ON platform_audit_events
  FOR EACH ROW EXECUTE FUNCTION steward_refuse_change();
--> statement-breakpoint
CREATE TRIGGER platform_audit_events_no_truncate BEFORE TRUNCATE ON platform_audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION steward_refuse_change();
--> statement-breakpoint
-- No council's transaction sees or writes it: only a transaction with no council set (the operator's rung;
-- the procedures decide the rest: only operator procedures read it).
ALTER TABLE platform_audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform_audit_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY platform_only_read ON platform_audit_events FOR SELECT TO steward_app
  USING (nullif(current_setting('app.tenant_id', true), '') IS NULL);
--> statement-breakpoint
CREATE POLICY platform_only_insert ON platform_audit_events FOR INSERT TO steward_app
  WITH CHECK (nullif(current_setting('app.tenant_id', true), '') IS NULL);
--> statement-breakpoint
GRANT SELECT, INSERT ON platform_audit_events TO steward_app;
