-- Tenancy for the register tables (DESIGN §3): every tenant table through the one protecting function.
SELECT steward_protect_tenant_table('suppliers');
--> statement-breakpoint
SELECT steward_protect_tenant_table('contracts');
--> statement-breakpoint
SELECT steward_protect_tenant_table('contract_changes');
--> statement-breakpoint
SELECT steward_protect_tenant_table('invoices');
--> statement-breakpoint
SELECT steward_protect_tenant_table('idempotency_keys', 'SELECT, INSERT');
--> statement-breakpoint
-- The organisation registry is shared: councils read it and add the companies they meet.
GRANT SELECT, INSERT ON organisations TO steward_app;
