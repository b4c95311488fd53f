-- Tenancy for the published contract notices (PA23 s.71, s.80; DESIGN §3): kept, never changed.
SELECT steward_protect_tenant_table('contract_notices', 'SELECT, INSERT');
