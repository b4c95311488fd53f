CREATE TABLE "rag_reminders" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contracts" integer NOT NULL,
	"recipients" integer NOT NULL,
	CONSTRAINT "rag_reminders_tenant_id_month_pk" PRIMARY KEY("tenant_id","month"),
	CONSTRAINT "rag_reminders_month_check" CHECK (extract(day from "rag_reminders"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "rag_reminders" ADD CONSTRAINT "rag_reminders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;