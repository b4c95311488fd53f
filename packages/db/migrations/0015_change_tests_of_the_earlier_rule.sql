-- Changes requested before the PA23 s.75 test was rewritten kept the earlier rule's answer (every earlier
-- change added up by size). They keep what it said, marked as the earlier rule's, so no page reads them as
-- a decision of the current one (StoredChangeTest in packages/domain/src/contracts/changes.ts).
UPDATE contract_changes SET threshold_test = jsonb_build_object(
  'rulePack', 'PA23',
  'outcome', 'earlier_rule',
  'noticeRequired', change_notice_required,
  'headline', CASE WHEN change_notice_required
    THEN 'Contract Change Notice needed (tested under the earlier rule, which added up every earlier change)'
    ELSE 'No Contract Change Notice needed (tested under the earlier rule, which added up every earlier change)'
  END,
  'reasons', coalesce(threshold_test -> 'reasons', '[]'::jsonb)
)
WHERE NOT threshold_test ? 'rulePack';
