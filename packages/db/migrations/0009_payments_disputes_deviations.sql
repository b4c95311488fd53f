ALTER TABLE "contracts" ADD COLUMN "deviation_ground" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "deviation_reason" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "deviation_reported_on" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "deviation_report_reference" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "disputed_on" date;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "dispute_reason" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_deviation_recorded_check" CHECK (("contracts"."deviation_ground" is null) = ("contracts"."deviation_reason" is null)
        and ("contracts"."deviation_reported_on" is null) = ("contracts"."deviation_report_reference" is null)
        and ("contracts"."deviation_ground" is not null or "contracts"."deviation_reported_on" is null));--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_dispute_reason_check" CHECK (("invoices"."disputed_on" is null) = ("invoices"."dispute_reason" is null));