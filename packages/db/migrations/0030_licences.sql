CREATE TABLE "billing_invoices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"stripe_invoice_id" text NOT NULL,
	"number" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"amount_due_minor" integer NOT NULL,
	"amount_paid_minor" integer NOT NULL,
	"due_on" date,
	"hosted_invoice_url" text,
	"invoice_pdf_url" text,
	"po_number" text,
	"issued_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_invoices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"tenant_id" uuid NOT NULL,
	"plan" text NOT NULL,
	"seats" integer NOT NULL,
	"interval" text DEFAULT 'year' NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"source" text DEFAULT 'offline' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"past_due_since" date,
	"suspended_at" timestamp with time zone,
	"po_number" text,
	"stripe_subscription_id" text,
	"stripe_collection" text,
	"stripe_period_ends_at" timestamp with time zone,
	"stripe_state_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licences_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "licences_plan_check" CHECK ("licences"."plan" in ('essentials', 'professional', 'partnership')),
	CONSTRAINT "licences_interval_check" CHECK ("licences"."interval" in ('month', 'year')),
	CONSTRAINT "licences_state_check" CHECK ("licences"."state" in ('active', 'past_due', 'lapsed')),
	CONSTRAINT "licences_source_check" CHECK ("licences"."source" in ('offline', 'stripe')),
	CONSTRAINT "licences_stripe_collection_check" CHECK ("licences"."stripe_collection" in ('charge_automatically', 'send_invoice'))
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "stripe_customer_id" text;--> statement-breakpoint
ALTER TABLE "billing_invoices" ADD CONSTRAINT "billing_invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_invoices_stripe_id_key" ON "billing_invoices" USING btree ("tenant_id","stripe_invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_stripe_customer_id_key" ON "tenants" USING btree ("stripe_customer_id");