-- Licensed subscriptions (issue 11; DESIGN §3, §7): what drizzle-kit does not emit.

-- Councils that exist before licences keep working: each gets an open-ended Partnership licence, assigned by
-- hand (offline), before RLS hides the table from the owner.
INSERT INTO licences (tenant_id, plan, seats, starts_on)
SELECT id, 'partnership', 50, current_date FROM tenants
ON CONFLICT DO NOTHING;
--> statement-breakpoint
SELECT steward_protect_tenant_table('licences', 'SELECT, INSERT, UPDATE');
--> statement-breakpoint
SELECT steward_protect_tenant_table('billing_invoices', 'SELECT, INSERT, UPDATE');
--> statement-breakpoint
-- Every Stripe event by id, once (the webhook inserts it with its effect); never changed or removed.
GRANT SELECT, INSERT ON stripe_events TO steward_app;
--> statement-breakpoint
-- A council's own transaction records its Stripe customer (tenants_update_own limits it to its own row).
GRANT UPDATE (stripe_customer_id) ON tenants TO steward_app;
