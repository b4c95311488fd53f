CREATE TABLE "kpi_rating_months" (
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"good" integer NOT NULL,
	"approaching_target" integer NOT NULL,
	"requires_improvement" integer NOT NULL,
	"inadequate" integer NOT NULL,
	"other" integer NOT NULL,
	CONSTRAINT "kpi_rating_months_tenant_id_contract_id_period_start_pk" PRIMARY KEY("tenant_id","contract_id","period_start")
);
--> statement-breakpoint
ALTER TABLE "kpi_rating_months" ADD CONSTRAINT "kpi_rating_months_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_rating_months" ADD CONSTRAINT "kpi_rating_months_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;