-- kpi_rating_months (0040) counts each contract's measurements of a period by rating. These triggers keep it in
-- the statement that writes the measurements, so it is never behind them: a statement's new rows are added and its
-- old rows taken away, each (tenant, contract, period) once, in key order (two statements touching the same
-- months lock them in the same order). They run as the writer, under its tenant's policy: a writer that cannot see
-- the counts it must take from (another scope, or the owner under FORCE) is refused, never left behind silently.
CREATE FUNCTION steward_count_kpi_ratings() RETURNS trigger
LANGUAGE plpgsql SET search_path = '' AS $$
DECLARE
  counted bigint;
  expected bigint;
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO public.kpi_rating_months AS m
      (tenant_id, contract_id, period_start, good, approaching_target, requires_improvement, inadequate, other)
    SELECT n.tenant_id, n.contract_id, n.period_start,
      count(*) FILTER (WHERE n.rating = 'good'),
      count(*) FILTER (WHERE n.rating = 'approaching_target'),
      count(*) FILTER (WHERE n.rating = 'requires_improvement'),
      count(*) FILTER (WHERE n.rating = 'inadequate'),
      count(*) FILTER (WHERE n.rating = 'other')
    FROM new_rows n GROUP BY n.tenant_id, n.contract_id, n.period_start
    ORDER BY n.tenant_id, n.contract_id, n.period_start
    ON CONFLICT (tenant_id, contract_id, period_start) DO UPDATE SET
      good = m.good + excluded.good,
      approaching_target = m.approaching_target + excluded.approaching_target,
      requires_improvement = m.requires_improvement + excluded.requires_improvement,
      inadequate = m.inadequate + excluded.inadequate,
      other = m.other + excluded.other;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE public.kpi_rating_months m SET
      good = m.good - o.good,
      approaching_target = m.approaching_target - o.approaching_target,
      requires_improvement = m.requires_improvement - o.requires_improvement,
      inadequate = m.inadequate - o.inadequate,
      other = m.other - o.other
    FROM (
      SELECT r.tenant_id, r.contract_id, r.period_start,
        count(*) FILTER (WHERE r.rating = 'good') AS good,
        count(*) FILTER (WHERE r.rating = 'approaching_target') AS approaching_target,
        count(*) FILTER (WHERE r.rating = 'requires_improvement') AS requires_improvement,
        count(*) FILTER (WHERE r.rating = 'inadequate') AS inadequate,
        count(*) FILTER (WHERE r.rating = 'other') AS other
      FROM old_rows r GROUP BY r.tenant_id, r.contract_id, r.period_start
    ) o
    WHERE m.tenant_id = o.tenant_id AND m.contract_id = o.contract_id AND m.period_start = o.period_start;
    GET DIAGNOSTICS counted = ROW_COUNT;
    SELECT count(*) INTO expected FROM (SELECT DISTINCT tenant_id, contract_id, period_start FROM old_rows) k;
    IF counted <> expected THEN
      RAISE EXCEPTION 'kpi_rating_months: % of % counted months are not visible to this writer', expected - counted,
        expected USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A trigger with transition tables takes one event, so there are three.
CREATE TRIGGER kpi_measurements_rated AFTER INSERT ON kpi_measurements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION steward_count_kpi_ratings();
--> statement-breakpoint
CREATE TRIGGER kpi_measurements_rerated AFTER UPDATE ON kpi_measurements
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION steward_count_kpi_ratings();
--> statement-breakpoint
CREATE TRIGGER kpi_measurements_unrated AFTER DELETE ON kpi_measurements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION steward_count_kpi_ratings();
--> statement-breakpoint
-- Counts every measurement again, from nothing: the backfill below, and a bulk load that writes with these
-- triggers disabled (the benchmark script's seed). Its caller must see every row: the owner with FORCE lifted.
CREATE FUNCTION steward_recount_kpi_ratings() RETURNS void
LANGUAGE sql SET search_path = '' AS $$
  DELETE FROM public.kpi_rating_months;
  INSERT INTO public.kpi_rating_months
    (tenant_id, contract_id, period_start, good, approaching_target, requires_improvement, inadequate, other)
  SELECT tenant_id, contract_id, period_start,
    count(*) FILTER (WHERE rating = 'good'),
    count(*) FILTER (WHERE rating = 'approaching_target'),
    count(*) FILTER (WHERE rating = 'requires_improvement'),
    count(*) FILTER (WHERE rating = 'inadequate'),
    count(*) FILTER (WHERE rating = 'other')
  FROM public.kpi_measurements GROUP BY tenant_id, contract_id, period_start
  -- In key order, so the primary key grows at its right edge.
  ORDER BY tenant_id, contract_id, period_start;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION steward_recount_kpi_ratings() FROM PUBLIC;
--> statement-breakpoint
-- The measurements already kept. The owner lifts FORCE for the moment, since it sees no rows under it; the lock
-- that takes holds every writer off until the counts and the triggers are in place together.
ALTER TABLE kpi_measurements NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
SELECT steward_recount_kpi_ratings();
--> statement-breakpoint
ALTER TABLE kpi_measurements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Read by the council's own transactions; written only by the triggers, as the writer of the measurements.
SELECT steward_protect_tenant_table('kpi_rating_months', 'SELECT, INSERT, UPDATE');
