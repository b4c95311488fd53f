-- The audit chain looks up the council's last event for every row it chains. Its cached generic plan read the
-- whole table (a sequential scan, chosen while the statistics said the table was small), so a 50,000-row
-- import read O(n²) rows and spent minutes here. These settings hold inside this function only.
ALTER FUNCTION steward_audit_chain() SET enable_seqscan = off;
--> statement-breakpoint
ALTER FUNCTION steward_audit_chain() SET enable_bitmapscan = off;
