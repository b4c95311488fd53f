CREATE TABLE "actions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"meeting_id" uuid,
	"improvement_plan_id" uuid,
	"description" text NOT NULL,
	"owner_party" text NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_on" date,
	"progress_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "actions_owner_check" CHECK ("actions"."owner_user_id" is not null or "actions"."owner_name" is not null),
	CONSTRAINT "actions_completed_check" CHECK (("actions"."status" = 'done') = ("actions"."completed_on" is not null)),
	CONSTRAINT "actions_owner_party_check" CHECK ("actions"."owner_party" in ('council', 'supplier')),
	CONSTRAINT "actions_status_check" CHECK ("actions"."status" in ('open', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "attachment_blobs" (
	"tenant_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachment_blobs_tenant_id_storage_key_pk" PRIMARY KEY("tenant_id","storage_key")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "attachments_size_check" CHECK ("attachments"."size_bytes" >= 0),
	CONSTRAINT "attachments_owner_type_check" CHECK ("attachments"."owner_type" in ('measurement', 'meeting', 'improvement_plan', 'risk', 'management_plan', 'monitoring_report', 'close_out'))
);
--> statement-breakpoint
CREATE TABLE "close_outs" (
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"final_evaluation" text,
	"completed_on" date,
	"completed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "close_outs_tenant_id_contract_id_pk" PRIMARY KEY("tenant_id","contract_id"),
	CONSTRAINT "close_outs_completed_check" CHECK (("close_outs"."completed_on" is null) = ("close_outs"."completed_by" is null))
);
--> statement-breakpoint
CREATE TABLE "improvement_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"trigger_month" date,
	"trigger_kpi_id" uuid,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"escalated_on" date,
	"escalated_to" uuid,
	"escalation_note" text,
	"closed_on" date,
	"outcome" text,
	"outcome_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "improvement_plans_closed_check" CHECK (("improvement_plans"."status" = 'closed') = ("improvement_plans"."closed_on" is not null) and ("improvement_plans"."closed_on" is null) = ("improvement_plans"."outcome" is null)),
	CONSTRAINT "improvement_plans_escalated_check" CHECK (("improvement_plans"."escalated_on" is null) = ("improvement_plans"."escalated_to" is null)),
	CONSTRAINT "improvement_plans_trigger_check" CHECK ("improvement_plans"."trigger" in ('red_month', 'inadequate_kpi', 'other')),
	CONSTRAINT "improvement_plans_status_check" CHECK ("improvement_plans"."status" in ('open', 'escalated', 'closed')),
	CONSTRAINT "improvement_plans_outcome_check" CHECK ("improvement_plans"."outcome" in ('recovered', 'change', 'termination'))
);
--> statement-breakpoint
CREATE TABLE "kpi_measurement_history" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"measurement_id" uuid NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rating" text NOT NULL,
	"evidence_note" text,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"corrected_by" uuid NOT NULL,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"correction_reason" text NOT NULL,
	CONSTRAINT "kpi_measurement_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "kpi_measurement_history_rating_check" CHECK ("kpi_measurement_history"."rating" in ('good', 'approaching_target', 'requires_improvement', 'inadequate', 'other'))
);
--> statement-breakpoint
CREATE TABLE "kpi_measurement_parts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"measurement_id" uuid NOT NULL,
	"label" text NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	CONSTRAINT "kpi_measurement_parts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "kpi_measurement_parts_denominator_check" CHECK ("kpi_measurement_parts"."denominator" is null or "kpi_measurement_parts"."denominator" > 0)
);
--> statement-breakpoint
CREATE TABLE "kpi_measurements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"rating" text NOT NULL,
	"rating_reason" text NOT NULL,
	"evidence_note" text,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kpi_measurements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "kpi_measurements_denominator_check" CHECK ("kpi_measurements"."denominator" is null or "kpi_measurements"."denominator" > 0),
	CONSTRAINT "kpi_measurements_rating_check" CHECK ("kpi_measurements"."rating" in ('good', 'approaching_target', 'requires_improvement', 'inadequate', 'other'))
);
--> statement-breakpoint
CREATE TABLE "kpi_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"definition" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_templates_unit_check" CHECK ("kpi_templates"."unit" in ('percent', 'per_1000', 'per_100000', 'count', 'days', 'hours', 'minutes', 'money', 'score', 'other')),
	CONSTRAINT "kpi_templates_direction_check" CHECK ("kpi_templates"."direction" in ('higher_is_better', 'lower_is_better'))
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"name" text NOT NULL,
	"definition" text NOT NULL,
	"numerator_label" text,
	"denominator_label" text,
	"unit" text NOT NULL,
	"unit_label" text,
	"direction" text NOT NULL,
	"baseline" double precision,
	"target" double precision NOT NULL,
	"target_by" date,
	"tolerance" double precision DEFAULT 0 NOT NULL,
	"inadequate_at" double precision,
	"frequency" text DEFAULT 'monthly' NOT NULL,
	"data_source" text DEFAULT 'supplier' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"social_value" boolean DEFAULT false NOT NULL,
	"template_id" uuid,
	"breakdown_label" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpis_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "kpis_tolerance_check" CHECK ("kpis"."tolerance" >= 0),
	CONSTRAINT "kpis_unit_label_check" CHECK (("kpis"."unit" = 'other') = ("kpis"."unit_label" is not null)),
	CONSTRAINT "kpis_unit_check" CHECK ("kpis"."unit" in ('percent', 'per_1000', 'per_100000', 'count', 'days', 'hours', 'minutes', 'money', 'score', 'other')),
	CONSTRAINT "kpis_direction_check" CHECK ("kpis"."direction" in ('higher_is_better', 'lower_is_better')),
	CONSTRAINT "kpis_frequency_check" CHECK ("kpis"."frequency" in ('monthly', 'quarterly', 'six_monthly', 'annually')),
	CONSTRAINT "kpis_data_source_check" CHECK ("kpis"."data_source" in ('supplier', 'council', 'residents'))
);
--> statement-breakpoint
CREATE TABLE "lessons" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(title || ' ' || body)) STORED,
	CONSTRAINT "lessons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "management_plan_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_plan_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "management_plans" (
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"monitoring" text NOT NULL,
	"governance" text NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"payment_schedule" text,
	"escalation" text,
	"exit_plan" text,
	"agreed_on" date NOT NULL,
	"next_review_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "management_plans_tenant_id_contract_id_pk" PRIMARY KEY("tenant_id","contract_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_kpis" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	CONSTRAINT "meeting_kpis_tenant_id_meeting_id_kpi_id_pk" PRIMARY KEY("tenant_id","meeting_id","kpi_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"type" text NOT NULL,
	"scheduled_on" date NOT NULL,
	"held_on" date,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda" text,
	"notes" text,
	"insight" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "meetings_type_check" CHECK ("meetings"."type" in ('kickoff', 'review', 'performance', 'close_out'))
);
--> statement-breakpoint
CREATE TABLE "monitoring_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"received_on" date NOT NULL,
	"summary" text,
	"assessment" text,
	"assessment_note" text,
	"assessed_by" uuid,
	"assessed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "monitoring_reports_period_check" CHECK ("monitoring_reports"."period_end" >= "monitoring_reports"."period_start"),
	CONSTRAINT "monitoring_reports_assessed_check" CHECK (("monitoring_reports"."assessment" is null) = ("monitoring_reports"."assessed_on" is null) and ("monitoring_reports"."assessment" is null) = ("monitoring_reports"."assessed_by" is null)),
	CONSTRAINT "monitoring_reports_assessment_check" CHECK ("monitoring_reports"."assessment" in ('satisfactory', 'concerns', 'unsatisfactory'))
);
--> statement-breakpoint
CREATE TABLE "rag_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"month" date NOT NULL,
	"status" text NOT NULL,
	"commentary" text,
	"suggested" jsonb,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rag_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rag_entries_month_check" CHECK (extract(day from "rag_entries"."month") = 1),
	CONSTRAINT "rag_entries_commentary_check" CHECK ("rag_entries"."status" = 'green' or "rag_entries"."commentary" is not null),
	CONSTRAINT "rag_entries_status_check" CHECK ("rag_entries"."status" in ('green', 'amber', 'red'))
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"owner_party" text NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text,
	"mitigation" text,
	"review_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"escalate_to_corporate" boolean DEFAULT false NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "risks_likelihood_check" CHECK ("risks"."likelihood" between 1 and 5),
	CONSTRAINT "risks_impact_check" CHECK ("risks"."impact" between 1 and 5),
	CONSTRAINT "risks_owner_check" CHECK ("risks"."owner_user_id" is not null or "risks"."owner_name" is not null),
	CONSTRAINT "risks_closed_check" CHECK (("risks"."status" = 'closed') = ("risks"."closed_on" is not null)),
	CONSTRAINT "risks_category_check" CHECK ("risks"."category" in ('delivery', 'financial', 'supplier_viability', 'legal_compliance', 'health_and_safety', 'data_protection', 'reputational', 'social_value', 'environmental', 'other')),
	CONSTRAINT "risks_owner_party_check" CHECK ("risks"."owner_party" in ('council', 'supplier')),
	CONSTRAINT "risks_status_check" CHECK ("risks"."status" in ('open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_tenant_id_improvement_plan_id_improvement_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","improvement_plan_id") REFERENCES "public"."improvement_plans"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment_blobs" ADD CONSTRAINT "attachment_blobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "close_outs" ADD CONSTRAINT "close_outs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "close_outs" ADD CONSTRAINT "close_outs_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "close_outs" ADD CONSTRAINT "close_outs_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_escalated_to_users_id_fk" FOREIGN KEY ("escalated_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_plans" ADD CONSTRAINT "improvement_plans_tenant_id_trigger_kpi_id_kpis_tenant_id_id_fk" FOREIGN KEY ("tenant_id","trigger_kpi_id") REFERENCES "public"."kpis"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement_history" ADD CONSTRAINT "kpi_measurement_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement_history" ADD CONSTRAINT "kpi_measurement_history_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement_history" ADD CONSTRAINT "kpi_measurement_history_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement_history" ADD CONSTRAINT "kpi_measurement_history_tenant_id_measurement_id_kpi_measurements_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measurement_id") REFERENCES "public"."kpi_measurements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement_parts" ADD CONSTRAINT "kpi_measurement_parts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurement_parts" ADD CONSTRAINT "kpi_measurement_parts_tenant_id_measurement_id_kpi_measurements_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measurement_id") REFERENCES "public"."kpi_measurements"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_measurements" ADD CONSTRAINT "kpi_measurements_tenant_id_kpi_id_kpis_tenant_id_id_fk" FOREIGN KEY ("tenant_id","kpi_id") REFERENCES "public"."kpis"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_template_id_kpi_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."kpi_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpis" ADD CONSTRAINT "kpis_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lessons" ADD CONSTRAINT "lessons_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_plan_reviews" ADD CONSTRAINT "management_plan_reviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_plan_reviews" ADD CONSTRAINT "management_plan_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_plan_reviews" ADD CONSTRAINT "management_plan_reviews_tenant_id_contract_id_management_plans_tenant_id_contract_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."management_plans"("tenant_id","contract_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_plans" ADD CONSTRAINT "management_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_plans" ADD CONSTRAINT "management_plans_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_kpis" ADD CONSTRAINT "meeting_kpis_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_kpis" ADD CONSTRAINT "meeting_kpis_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_kpis" ADD CONSTRAINT "meeting_kpis_tenant_id_kpi_id_kpis_tenant_id_id_fk" FOREIGN KEY ("tenant_id","kpi_id") REFERENCES "public"."kpis"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_entries" ADD CONSTRAINT "rag_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_entries" ADD CONSTRAINT "rag_entries_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rag_entries" ADD CONSTRAINT "rag_entries_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_contract_idx" ON "actions" USING btree ("tenant_id","contract_id");--> statement-breakpoint
CREATE INDEX "actions_owner_due_idx" ON "actions" USING btree ("tenant_id","owner_user_id","due_on");--> statement-breakpoint
CREATE INDEX "actions_open_due_idx" ON "actions" USING btree ("tenant_id","due_on") WHERE "actions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("tenant_id","owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "improvement_plans_contract_idx" ON "improvement_plans" USING btree ("tenant_id","contract_id");--> statement-breakpoint
CREATE INDEX "kpi_measurement_history_measurement_idx" ON "kpi_measurement_history" USING btree ("tenant_id","measurement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_measurement_parts_label_key" ON "kpi_measurement_parts" USING btree ("tenant_id","measurement_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_measurements_period_key" ON "kpi_measurements" USING btree ("tenant_id","kpi_id","period_start");--> statement-breakpoint
CREATE INDEX "kpi_measurements_contract_period_idx" ON "kpi_measurements" USING btree ("tenant_id","contract_id","period_start");--> statement-breakpoint
CREATE INDEX "kpis_contract_idx" ON "kpis" USING btree ("tenant_id","contract_id");--> statement-breakpoint
CREATE INDEX "kpis_template_idx" ON "kpis" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "lessons_contract_idx" ON "lessons" USING btree ("tenant_id","contract_id");--> statement-breakpoint
CREATE INDEX "management_plan_reviews_contract_idx" ON "management_plan_reviews" USING btree ("tenant_id","contract_id");--> statement-breakpoint
CREATE INDEX "meetings_contract_idx" ON "meetings" USING btree ("tenant_id","contract_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "monitoring_reports_contract_idx" ON "monitoring_reports" USING btree ("tenant_id","contract_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "rag_entries_contract_month_key" ON "rag_entries" USING btree ("tenant_id","contract_id","month");--> statement-breakpoint
CREATE INDEX "rag_entries_month_idx" ON "rag_entries" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "risks_contract_idx" ON "risks" USING btree ("tenant_id","contract_id");--> statement-breakpoint
CREATE INDEX "risks_review_idx" ON "risks" USING btree ("tenant_id","review_on") WHERE "risks"."status" = 'open';