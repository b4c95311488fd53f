-- PA23 s.3 and Schedule 1: an English council's contract is a public contract when its estimated value is not
-- less than the threshold amount. Existing contracts start from their recorded total value against the
-- threshold in force on their award date (rows 8, 10 and 12 of Schedule 1, in pence, VAT included); the
-- register's own field is the record from here on. Thresholds: £214,904 / £5,372,609 / £663,540 from
-- 1 January 2024, £207,720 / £5,193,000 / £663,540 from 1 January 2026 (S.I. 2025/1200). Same table as
-- packages/domain/src/contracts/thresholds.ts.
UPDATE contracts c SET public_contract = true
FROM tenants t
WHERE t.id = c.tenant_id
  AND t.jurisdiction = 'GB-ENG'
  AND c.total_value_minor IS NOT NULL
  AND c.total_value_minor >= CASE
    WHEN c.light_touch THEN 66354000
    WHEN c.category = 'works' AND coalesce(c.award_date, c.start_date) >= '2026-01-01' THEN 519300000
    WHEN c.category = 'works' THEN 537260900
    WHEN coalesce(c.award_date, c.start_date) >= '2026-01-01' THEN 20772000
    ELSE 21490400
  END;
