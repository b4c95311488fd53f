ALTER TABLE "meetings" ADD COLUMN "cancelled_on" date;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "kpi_exemption_reason" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_cancellation_check" CHECK (("meetings"."cancelled_on" is null and "meetings"."cancellation_reason" is null) or ("meetings"."cancelled_on" is not null and "meetings"."cancellation_reason" is not null and "meetings"."held_on" is null));